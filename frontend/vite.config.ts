/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig, type ProxyOptions } from 'vite';

// The API is same-origin: both the dev server and `vite preview` proxy /api to the backend.
const backend = process.env.MEIKE_BACKEND_URL || 'http://localhost:8080';
const port = Number(process.env.MEIKE_SPA_PORT || 5173);
// 127.0.0.1 is what `localhost` resolves to here; set MEIKE_SPA_HOST to listen elsewhere.
const host = process.env.MEIKE_SPA_HOST || '127.0.0.1';
const proxy: Record<string, ProxyOptions> = {
  '/api': { target: backend, changeOrigin: false, xfwd: true },
};

export default defineConfig({
  plugins: [react()],
  server: { host, port, strictPort: true, proxy },
  preview: { host, port, strictPort: true, proxy },
  build: {
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // Charts are loaded on demand (dynamic import): kept out of the vendor chunk every page loads.
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 1 },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+)[\\/]/ },
            { name: 'vendor', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    globals: false,
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    testTimeout: 60000,
    css: false,
  },
});
