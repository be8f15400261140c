// The real YouTube search, in its own module so youtube-sr loads only when --videos asks for it.
// A static named import on purpose: esbuild bundles youtube-sr's CommonJS build, and only a
// static import gets the interop that exposes `YouTube` (a dynamic import() sees just `default`).
import { YouTube } from 'youtube-sr';
import type { SearchFn } from './types.js';

/** safeSearch is on, which is also what makes youtube-sr pass our abort signal to its request. */
export const youtubeSearch: SearchFn = async (query, limit, signal) => {
  const videos = await YouTube.search(query, { type: 'video', limit, safeSearch: true, requestOptions: { signal } });
  return videos
    .filter((v) => v.id && v.title && !v.live)
    .map((v) => ({ title: v.title ?? '', channel: v.channel?.name ?? 'unknown channel', url: v.url, duration: v.durationFormatted || 'unknown' }));
};
