import { createRouter, createWebHashHistory } from 'vue-router'
import ContainersView from './views/ContainersView.vue'
import EngineHomeView from './views/EngineHomeView.vue'
import EngineScopeView from './views/EngineScopeView.vue'

/** The panes of one engine, under /e/<engine>/; a link without `engine` stays on the current one. */
export const ENGINE_PANES = ['containers', 'images', 'volumes', 'networks', 'compose', 'swarm', 'terminal', 'engine'] as const

export const router = createRouter({
  // Hash history: the same URLs work from file:// in Electron and from the browser-mode server.
  history: createWebHashHistory(),
  routes: [
    { path: '/', name: 'home', component: EngineHomeView },
    {
      path: '/e/:engine',
      component: EngineScopeView,
      props: true,
      children: [
        { path: '', redirect: (to) => ({ name: 'containers', params: to.params }) },
        { path: 'containers', name: 'containers', component: ContainersView },
        // Loaded when first opened: the first paint of the list does not wait for the run
        // form, the charts or the log viewer (P6).
        { path: 'containers/new', name: 'run', component: () => import('./views/RunContainerView.vue') },
        { path: 'containers/:id', name: 'container', component: () => import('./views/ContainerDetailView.vue') },
        { path: 'images', name: 'images', component: () => import('./views/ImagesView.vue') },
        { path: 'images/:id', name: 'image', component: () => import('./views/ImageDetailView.vue') },
        { path: 'volumes', name: 'volumes', component: () => import('./views/VolumesView.vue') },
        { path: 'volumes/:name', name: 'volume', component: () => import('./views/VolumeDetailView.vue') },
        { path: 'networks', name: 'networks', component: () => import('./views/NetworksView.vue') },
        { path: 'networks/:id', name: 'network', component: () => import('./views/NetworkDetailView.vue') },
        { path: 'compose', name: 'compose', component: () => import('./views/ComposeView.vue') },
        { path: 'compose/:project', name: 'composeProject', component: () => import('./views/ComposeProjectView.vue') },
        { path: 'swarm', name: 'swarm', component: () => import('./views/SwarmView.vue') },
        { path: 'swarm/services/:id', name: 'swarmService', component: () => import('./views/SwarmServiceView.vue') },
        { path: 'swarm/stacks/:name', name: 'swarmStack', component: () => import('./views/SwarmStackView.vue') },
        { path: 'terminal', name: 'terminal', component: () => import('./views/TerminalView.vue') },
        { path: 'engine', name: 'engine', component: () => import('./views/EngineView.vue') },
      ],
    },
    // Every engine's containers in one list (E3); each row links to its page on its engine.
    { path: '/all/containers', name: 'allContainers', component: () => import('./views/AllContainersView.vue') },
    { path: '/engines', name: 'engines', component: () => import('./views/EnginesView.vue') },
    { path: '/settings', name: 'settings', component: () => import('./views/SettingsView.vue') },
    // Addresses from before the engine was in them (bookmarks): the engine Wharf started with.
    { path: `/:pane(${ENGINE_PANES.join('|')})/:rest(.*)*`, redirect: (to) => `/e/local${to.fullPath}` },
    { path: '/:rest(.*)*', redirect: '/' },
  ],
})
