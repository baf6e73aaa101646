// Entry point of dist/server.js (filled in by the language server module).
import './server';
