/** The Node server around the app: listens on loopback, answers, and stops cleanly. */
import { describe, expect, it } from 'vitest';
import { KnowledgeBase } from '../app/knowledge-base.js';
import { isLoopback, listen } from './listen.js';
import { miniStore } from './testing.js';

describe('listen', () => {
  it('serves the API on a loopback port and closes', async () => {
    const { repo } = await miniStore();
    const running = await listen({ repo, kb: new KnowledgeBase(repo), host: '127.0.0.1', port: 0 });
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const res = await fetch(`${running.url}api/search?q=VB`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { id: string }[])[0]?.id).toBe('valley-brotherhood');
    await running.close();
    await running.closed;
    await expect(fetch(`${running.url}api/health`)).rejects.toThrow();
    await repo.close();
  });
  it('knows loopback addresses', () => {
    expect(['127.0.0.1', 'localhost', '::1', '127.1.2.3'].every(isLoopback)).toBe(true);
    expect(['0.0.0.0', '192.168.1.2', '::'].some(isLoopback)).toBe(false);
  });
});
