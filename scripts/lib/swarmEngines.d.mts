export declare const MANAGER_ADDR: string
export declare const WORKER_ADDR: string
export declare const MANAGER_HOST_ADDR: string
export declare const SWARM_NODES: { name: string; hostname: string; netns: string; dir: string }[]
export declare function swarmSocket(node: { dir: string }): string
export declare function startSwarmEngines(log?: (message: string) => void): Promise<{
  WHARF_TEST_SWARM_MANAGER: string
  WHARF_TEST_SWARM_WORKER: string
  WHARF_TEST_SWARM_MANAGER_ADDR: string
}>
export declare function stopSwarmEngines(log?: (message: string) => void): Promise<void>
export declare function removeSwarmEngineFiles(): void
export declare const SWARM_APP_IMAGES: string[]
