#!/usr/bin/env node
/**
 * CDK entry point (`cdk.json`: `npx tsx bin/app.ts`). The stack, its settings (CDK context) and the cdk-nag
 * AwsSolutions checks are assembled by buildApp, which the infrastructure tests use too.
 */
import { buildApp } from '../lib/app';

const { app } = buildApp();
app.synth();
