// The officer console: log in with ADMIN_TOKEN (kept in sessionStorage, sent
// as a bearer header), then tabs over the admin API. Tab = URL hash.
import { adminApi, session } from './api.js';
import { mountDossiersTab } from './dossiers-tab.js';
import { mountOutboxTab } from './outbox-tab.js';
import { mountHandoffsTab } from './handoffs-tab.js';
import { mountFeedbackTab } from './feedback-tickets-tab.js';
import { mountUnansweredTab } from './unanswered-tab.js';
import { mountStatsTab } from './stats-tab.js';

const $ = (id) => document.getElementById(id);
const MOUNTS = {
  dossiers: mountDossiersTab,
  outbox: mountOutboxTab,
  handoffs: mountHandoffsTab,
  feedback: mountFeedbackTab,
  unanswered: mountUnansweredTab,
  stats: mountStatsTab,
};
const tabs = {};
let timer = null;
/** While the console is open and visible an officer is on duty: the bot may hand citizens over. */
const HEARTBEAT_MS = 60_000;
let heartbeat = null;
/** From /console/config.json: orgName, simulator (an emulator is attached), localDefaultToken. */
let config = {};

function showTab(name, { focus = false } = {}) {
  if (!MOUNTS[name]) name = 'dossiers';
  for (const button of document.querySelectorAll('[role="tab"]')) {
    const selected = button.dataset.tab === name;
    button.setAttribute('aria-selected', String(selected));
    button.tabIndex = selected ? 0 : -1;
    if (selected && focus) button.focus();
    $(`panel-${button.dataset.tab}`).hidden = !selected;
  }
  const panel = $(`panel-${name}`);
  $('toast').textContent = '';
  if (!tabs[name]) tabs[name] = MOUNTS[name](panel, config);
  tabs[name].refresh();
  clearInterval(timer);
  if (tabs[name].autoRefreshMs) timer = setInterval(() => !document.hidden && tabs[name].refresh(), tabs[name].autoRefreshMs);
  if (location.hash !== `#${name}`) history.replaceState(null, '', `#${name}`);
  document.body.dataset.tab = name;
}

function wireTabs() {
  const buttons = [...document.querySelectorAll('[role="tab"]')];
  buttons.forEach((button, i) => {
    button.addEventListener('click', () => showTab(button.dataset.tab));
    // Arrow keys move between tabs (WAI-ARIA tabs pattern).
    button.addEventListener('keydown', (e) => {
      const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
      if (e.key === 'Home' || e.key === 'End') {
        e.preventDefault();
        showTab(buttons[e.key === 'Home' ? 0 : buttons.length - 1].dataset.tab, { focus: true });
      } else if (step) {
        e.preventDefault();
        showTab(buttons[(i + step + buttons.length) % buttons.length].dataset.tab, { focus: true });
      }
    });
  });
  window.addEventListener('hashchange', () => showTab(location.hash.slice(1)));
}

function showLogin(message = '') {
  clearInterval(timer);
  clearInterval(heartbeat);
  $('app').hidden = true;
  $('logout').hidden = true;
  $('login').hidden = false;
  $('login-error').textContent = message;
  $('token').focus();
  document.body.dataset.view = 'login';
}

function showApp() {
  $('login').hidden = true;
  $('app').hidden = false;
  $('logout').hidden = false;
  document.body.dataset.view = 'app';
  showTab(location.hash.slice(1));
  clearInterval(heartbeat);
  heartbeat = setInterval(() => !document.hidden && adminApi('/api/admin/presence', { method: 'POST' }).catch(() => {}), HEARTBEAT_MS);
}

async function login(token) {
  try {
    // Any bearer-protected call checks the token; the outbox counters are cheap.
    await adminApi('/api/admin/stats/outbox', { token });
    session.token = token;
    showApp();
  } catch (err) {
    session.token = '';
    showLogin(err.status === 401 ? 'Mã quản trị không đúng.' : err.message);
  }
}

async function boot() {
  config = await fetch('/console/config.json', { cache: 'no-store' }).then((r) => r.json()).catch(() => ({}));
  if (config.orgName) {
    $('org-name').textContent = config.orgName;
    document.title = `Trang quản trị · ${config.orgName}`;
  }
  $('simulator-link').hidden = !config.simulator;
  if (config.localDefaultToken) {
    $('login-hint').hidden = false;
    $('login-hint').textContent = `Chế độ thử nghiệm trên máy: mã mặc định là "${config.localDefaultToken}" (đặt ADMIN_TOKEN để đổi).`;
  }
  wireTabs();
  $('login-form').addEventListener('submit', (e) => {
    e.preventDefault();
    login($('token').value.trim());
  });
  $('logout').addEventListener('click', () => {
    session.token = '';
    showLogin();
  });
  window.addEventListener('console:unauthorized', () => {
    session.token = '';
    showLogin('Phiên đăng nhập không còn hợp lệ, vui lòng đăng nhập lại.');
  });
  if (session.token) login(session.token);
  else showLogin();
}

boot();
