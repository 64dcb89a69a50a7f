import { createRouter, createWebHashHistory } from 'vue-router'
import ComingSoonView from './views/ComingSoonView.vue'
import ContainersView from './views/ContainersView.vue'
import ContainerDetailView from './views/ContainerDetailView.vue'
import RunContainerView from './views/RunContainerView.vue'
import EngineView from './views/EngineView.vue'

export const router = createRouter({
  // Hash history: the same URLs work from file:// in Electron and from the browser-mode server.
  history: createWebHashHistory(),
  routes: [
    { path: '/', redirect: '/containers' },
    { path: '/containers', name: 'containers', component: ContainersView },
    { path: '/containers/new', name: 'run', component: RunContainerView },
    { path: '/containers/:id', name: 'container', component: ContainerDetailView },
    { path: '/images', name: 'images', component: ComingSoonView, props: { pane: 'images' } },
    { path: '/volumes', name: 'volumes', component: ComingSoonView, props: { pane: 'volumes' } },
    { path: '/networks', name: 'networks', component: ComingSoonView, props: { pane: 'networks' } },
    { path: '/terminal', name: 'terminal', component: ComingSoonView, props: { pane: 'terminal' } },
    { path: '/engine', name: 'engine', component: EngineView },
    { path: '/:rest(.*)*', redirect: '/containers' },
  ],
})
