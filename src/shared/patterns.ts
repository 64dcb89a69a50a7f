/** Patterns both sides check: main validates with them, forms warn with them as you type. */

/** A signal name (SIGTERM, HUP, SIGRTMIN+3) or number (9). */
export const SIGNAL_PATTERN = /^((SIG)?[A-Z][A-Z0-9]*([+-]\d+)?|\d{1,2})$/
