/**
 * Stream events at least this long (in UTF-16 units, close enough to bytes for JSON) are
 * deflated on the browser-mode WebSocket; shorter messages cost more to deflate than
 * they save (P7: a stats sample a second per visible row).
 */
export const DEFLATE_MIN_BYTES = 16 * 1024
