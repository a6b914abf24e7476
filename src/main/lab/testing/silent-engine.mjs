// A stand-in engine process for EngineClient tests: it says it is ready, then
// never answers, so a test can kill it while a request is in flight.
process.send({
  type: 'ready',
  info: {
    pid: process.pid,
    startedAt: new Date().toISOString(),
    tfjsVersion: 'test',
    backend: 'cpu',
    backendChoice: 'auto',
    attempts: []
  }
})
process.on('message', (message) => {
  if (message.type === 'shutdown') process.exit(0)
})
