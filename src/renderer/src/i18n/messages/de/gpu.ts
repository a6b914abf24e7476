import type en from '../en/gpu'
import type { Catalogue } from '../catalogue'

const gpu: Catalogue<typeof en> = {
  errors: {
    noChromium:
      'Unter /usr/bin/chromium ist kein Chromium zu finden, deshalb stehen die GPU-Backends (webgpu, webgl) nicht zur Verfügung. Installieren Sie Chromium oder geben Sie seinen Pfad in CHROMIUM_PATH an.',
    noChromiumAtPath:
      'Unter CHROMIUM_PATH ({path}) liegt kein Chromium, deshalb stehen die GPU-Backends (webgpu, webgl) nicht zur Verfügung.',
    noGpuEngine: 'Dieses Lab wurde ohne GPU-Engine gestartet.',
    exitedWhileStarting: 'Die GPU-Engine (Chromium) hat sich schon beim Start beendet ({how}).',
    stoppedWhileWorking:
      'Die GPU-Engine (Chromium) wurde unerwartet beendet ({how}), während sie „{method}“ bearbeitete.',
    stopped: 'Die GPU-Engine (Chromium) wurde unerwartet beendet ({how}).',
    stoppedWithoutReason: 'Die GPU-Engine (Chromium) wurde unerwartet beendet.',
    deviceLost: 'Das GPU-Gerät ist verloren gegangen ({reason}).',
    webGlLost: 'Der WebGL-Kontext der GPU ist verloren gegangen.',
    refused: {
      noWebGpu:
        '{backend} steht hier nicht zur Verfügung: Dieses Chromium bietet kein WebGPU an (navigator.gpu fehlt; WebGPU braucht einen sicheren Kontext und muss eingeschaltet sein).',
      noAdapter:
        '{backend} steht hier nicht zur Verfügung: WebGPU hat keinen Adapter gefunden (keine unterstützte GPU oder kein passender Treiber; unter Linux braucht es Vulkan).',
      noWebGl2:
        '{backend} steht hier nicht zur Verfügung: Dieses Chromium liefert keinen WebGL2-Kontext (keine GPU, oder WebGL ist abgeschaltet).',
      softwareOnly:
        '{backend} steht hier nicht zur Verfügung: Der einzige Adapter ist {adapter}, eine auf der CPU nachgebildete Software-GPU und keine echte. Das Lab nimmt so einen Adapter nur, wenn Sie es ausdrücklich erlauben (MNIST_LAB_ALLOW_SOFTWARE_GPU=1 oder --allow-software-gpu).',
      tfjsFailed:
        '{backend} steht hier nicht zur Verfügung: tfjs konnte es nicht starten ({reason}).',
      tfjsNotReady: '{backend} steht hier nicht zur Verfügung: tfjs konnte es nicht starten.',
      noFloat32:
        '{backend} steht hier nicht zur Verfügung: Dieses WebGL kann nicht in float32-Texturen rendern (EXT_color_buffer_float); beim Training ginge Genauigkeit verloren.'
    }
  },
  adapter: '{vendor} {architecture}',
  softwareAdapter: '{vendor} {architecture}, Software (auf der CPU nachgebildet, keine echte GPU)',
  backendOnAdapter: '{backend} auf {adapter}'
}

export default gpu
