// Three pages (phone, chair, secretary) built for WeChat's in-app browser:
// ES2017, content-hashed assets, nothing loaded from the internet.
import { resolve } from "node:path";
import { defineConfig } from "vite";

export default defineConfig({
  base: "/",
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: {
    target: "es2017",
    outDir: process.env.GAVEL_WEB_OUT || "dist",
    emptyOutDir: true,
    assetsDir: "assets",
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
    rollupOptions: {
      input: {
        index: resolve(import.meta.dirname, "index.html"),
        chair: resolve(import.meta.dirname, "chair.html"),
        secretary: resolve(import.meta.dirname, "secretary.html"),
      },
    },
  },
});
