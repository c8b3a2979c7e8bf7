// monaco-yaml's language service worker (the recipe from the monaco-yaml README for Vite).
import 'monaco-yaml/yaml.worker.js'
