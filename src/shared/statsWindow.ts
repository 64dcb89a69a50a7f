/** How much stats history main keeps per container and the charts show: five minutes at one sample a second. */
export const STATS_WINDOW_SECONDS = 300
