#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader, so the service runs from source without a build.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
