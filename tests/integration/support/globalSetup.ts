// Integration tests need a test engine: `npm test` starts one; by hand, `npm run engines`
// prints the DOCKER_HOST to export. They never fall back to the user's own engine.
export default function setup(): void {
  if (!process.env.DOCKER_HOST) {
    throw new Error('DOCKER_HOST is not set. Run the tests with `npm test`, or export what `npm run engines -- start` prints.')
  }
}
