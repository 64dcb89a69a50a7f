/** Patterns both sides check: main validates with them, forms warn with them as you type. */

/** A signal name (SIGTERM, HUP, SIGRTMIN+3) or number (9). */
export const SIGNAL_PATTERN = /^((SIG)?[A-Z][A-Z0-9]*([+-]\d+)?|\d{1,2})$/

/** Docker's container name rule; ids (hex) also match. */
export const CONTAINER_NAME_PATTERN = /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/

/** Docker's volume name rule. */
export const VOLUME_NAME_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/

const DOMAIN = String.raw`(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?))*(?::\d+)?`
const COMPONENT = String.raw`[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*`

/**
 * An image reference as the distribution spec reads it: [domain[:port]/]path[:tag][@digest].
 * As in docker, a first component is a registry only with a dot, a port or as localhost;
 * otherwise it is part of the (lower-case) path, so `UPPER/app` is refused.
 */
export const IMAGE_REF_PATTERN = new RegExp(
  String.raw`^(?:(?=[^/]*[.:]|localhost/)(?:${DOMAIN})/)?${COMPONENT}(?:/${COMPONENT})*(?::[\w][\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$`,
)

/** The name part of a reference (registry and repository, without tag or digest), which Docker caps at 255 characters. */
export function imageNameLength(reference: string): number {
  const name = reference.split('@')[0]
  const slash = name.lastIndexOf('/')
  const colon = name.lastIndexOf(':')
  return (colon > slash ? name.slice(0, colon) : name).length
}
export const IMAGE_NAME_MAX = 255
