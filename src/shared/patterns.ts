/** Patterns both sides check: main validates with them, forms warn with them as you type. */

/** A signal name (SIGTERM, HUP, SIGRTMIN+3) or number (9). */
export const SIGNAL_PATTERN = /^((SIG)?[A-Z][A-Z0-9]*([+-]\d+)?|\d{1,2})$/

/** Docker's container name rule; ids (hex) also match. */
export const CONTAINER_NAME_PATTERN = /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/

/** Docker's volume name rule. */
export const VOLUME_NAME_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/

const DOMAIN = String.raw`(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?))*(?::\d+)?`
const COMPONENT = String.raw`[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*`

/** An image reference as the distribution spec reads it: [domain[:port]/]path[:tag][@digest]. */
export const IMAGE_REF_PATTERN = new RegExp(
  String.raw`^(?:(?:${DOMAIN})/)?${COMPONENT}(?:/${COMPONENT})*(?::[\w][\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$`,
)
