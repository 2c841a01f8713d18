// Mounts the sandbox (TypeScript source, loaded through tsx) as Koa middleware for web-test-runner.
import { tsImport } from 'tsx/esm/api';

export async function sandboxMiddleware(basePath = '/api/mono') {
  const { createSandboxHandler, toNodeHandler } = await tsImport('../src/server/index.ts', import.meta.url);
  const handle = toNodeHandler(createSandboxHandler({ basePath }));
  return async (ctx, next) => {
    if (!ctx.path.startsWith(`${basePath}/`)) return next();
    ctx.respond = false;
    await new Promise((resolve) => {
      ctx.res.once('finish', resolve);
      ctx.res.once('close', resolve);
      handle(ctx.req, ctx.res);
    });
  };
}
