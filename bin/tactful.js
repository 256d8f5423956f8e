#!/usr/bin/env node
import '../dist/cli/tactful.js';
