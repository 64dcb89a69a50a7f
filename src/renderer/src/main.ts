import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import './styles.css'
import { i18n, initialLocale, setLocale } from './i18n'
import { reloadWhenAViewFailsToLoad } from './chunkReload'
import { router } from './router'

reloadWhenAViewFailsToLoad(router)
const app = createApp(App).use(createPinia()).use(i18n).use(router)
// A language other than English is its own chunk: mounted once it is in (or, should it fail to load, in English).
void setLocale(initialLocale())
  .catch((err: unknown) => console.error('wharf: messages did not load', err))
  .finally(() => app.mount('#app'))
