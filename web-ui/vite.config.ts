import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

/** The server's address during `npm run dev`; the console itself is then served by Vite. */
const devApiTarget = process.env.DJ_API_TARGET ?? 'http://127.0.0.1:9088'

export default defineConfig({
  // The server serves the built console under its context path: http://host:9088/v1/web/
  base: '/v1/web/',
  plugins: [vue()],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
    },
  },
  define: {
    __VUE_OPTIONS_API__: 'true',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    __VUE_I18N_FULL_INSTALL__: 'true',
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
  },
  server: {
    proxy: {
      // Everything under /v1 except the console itself goes to the server.
      '^/v1/(?!web(/|$))': { target: devApiTarget, changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'element-plus', test: /node_modules[\\/](element-plus|@element-plus|@vueuse|@floating-ui|lodash)/ },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)/ },
            { name: 'vue', test: /node_modules[\\/](@?vue|pinia|@intlify|vue-i18n|vue-router)/ },
          ],
        },
      },
    },
  },
})
