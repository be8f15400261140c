// The shapes a video search deals in, apart from the step that runs searches (videos.ts) and the
// real searcher (youtube-search.ts), so neither imports the other.

export interface VideoResult {
  title: string;
  channel: string;
  url: string;
  duration: string;
}

/** One search: resolves with at most `limit` videos; should stop when `signal` aborts. */
export type SearchFn = (query: string, limit: number, signal: AbortSignal) => Promise<VideoResult[]>;
