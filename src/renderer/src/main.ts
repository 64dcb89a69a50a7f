import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import './styles.css'
import { i18n } from './i18n'
import { reloadWhenAViewFailsToLoad } from './chunkReload'
import { router } from './router'

document.documentElement.lang = i18n.global.locale.value
reloadWhenAViewFailsToLoad(router)
createApp(App).use(createPinia()).use(i18n).use(router).mount('#app')
