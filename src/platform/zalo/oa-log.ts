/** The logger surface the platform code uses (a pino Logger fits). Never pass tokens in `obj`. */
export type OaLog = { [K in 'debug' | 'info' | 'warn' | 'error']: (obj: object, msg?: string) => void };

export const silentLog: OaLog = { debug() {}, info() {}, warn() {}, error() {} };
