/**
 * Pause, resume and stop for a training loop. The loop asks at every batch;
 * a paused loop waits on a promise, so the optimizer state simply stays put.
 */
export type ControlState = 'running' | 'paused' | 'stopping'

export class TrainingControl {
  private current: ControlState = 'running'
  private wake: (() => void) | null = null

  get state(): ControlState {
    return this.current
  }

  pause(): void {
    if (this.current === 'running') this.current = 'paused'
  }

  resume(): void {
    if (this.current !== 'paused') return
    this.current = 'running'
    this.release()
  }

  stop(): void {
    this.current = 'stopping'
    this.release()
  }

  /** Resolves when the loop may go on: true to continue, false to stop. */
  async proceed(onPause?: () => void, onResume?: () => void): Promise<boolean> {
    if (this.current === 'paused') {
      onPause?.()
      while (this.current === 'paused') {
        await new Promise<void>((resolve) => (this.wake = resolve))
      }
      if (this.current === 'running') onResume?.()
    }
    return this.current === 'running'
  }

  private release(): void {
    const wake = this.wake
    this.wake = null
    wake?.()
  }
}
