// Server-sent events over fetch (EventSource cannot send an Authorization
// header), with reconnect and backoff. onState('open') fires after every
// (re)connect so the caller can reload history and fill any gap.
export function openEventStream(url, { headers = {}, onEvent, onState }) {
  let stopped = false;
  let controller = null;

  async function readOnce() {
    controller = new AbortController();
    const res = await fetch(url, { headers, signal: controller.signal, cache: 'no-store' });
    if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
    onState('open');
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value.replace(/\r\n/g, '\n');
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        dispatch(block);
      }
    }
  }

  function dispatch(block) {
    let event = 'message';
    const data = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) continue; // heartbeat comment
      if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
    }
    if (data.length === 0) return;
    try {
      onEvent(event, JSON.parse(data.join('\n')));
    } catch (err) {
      console.warn('simulator: bad event', err);
    }
  }

  (async () => {
    let delay = 500;
    while (!stopped) {
      try {
        await readOnce();
        delay = 500;
      } catch {
        // Network drop, server restart or abort: retry below unless stopped.
      }
      if (stopped) return;
      onState('closed');
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, 5000);
    }
  })();

  return {
    close() {
      stopped = true;
      if (controller) controller.abort();
    },
  };
}
