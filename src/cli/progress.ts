/**
 * A progress bar for long runs (cli-progress), drawn only on a terminal: samples done, samples
 * per second since the start of this process, and the estimated time left. Nothing at all is
 * written when the stream is not a TTY (pipes, files, CI logs).
 */
import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

const none: Progress = {
  update: () => undefined,
  stop: () => undefined,
};

/** A bar on `stream` when it is a TTY, else a no-op. */
export function progressBar(
  stream: NodeJS.WriteStream = process.stderr,
  unit = 'samples',
): Progress {
  if (!stream.isTTY) return none;
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: `{bar} {percentage}% | {value}/{total} ${unit} | {speed} ${unit}/s | ETA {eta_formatted}`,
      hideCursor: true,
      etaBuffer: 50,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  let t0 = 0;
  let first = 0;
  return {
    update(done, total) {
      if (!started) {
        started = true;
        t0 = performance.now();
        first = done;
        bar.start(total, done, { speed: '…' });
        return;
      }
      const seconds = (performance.now() - t0) / 1000;
      const speed = seconds > 0 ? ((done - first) / seconds).toFixed(0) : '…';
      bar.setTotal(total);
      bar.update(done, { speed });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
