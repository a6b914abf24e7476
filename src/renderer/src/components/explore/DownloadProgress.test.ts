// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import DownloadProgress from './DownloadProgress.vue'
import { i18n, setLocale } from '../../i18n'

describe('DownloadProgress', () => {
  it('shows bytes, percent and speed, and cancels', async () => {
    const wrapper = mount(DownloadProgress, {
      global: { plugins: [i18n] },
      props: {
        name: 'MNIST',
        progress: {
          id: 'mnist',
          file: 'train-images-idx3-ubyte.gz',
          receivedBytes: 5_800_000,
          totalBytes: 11_594_722,
          percent: 50.02,
          bytesPerSecond: 2_400_000
        }
      }
    })
    expect(wrapper.text()).toContain('5.8 MB of 11.6 MB (50%), 2.4 MB/s')
    expect(wrapper.get('progress').attributes('value')).toBe('50')
    expect(wrapper.get('progress').attributes('aria-label')).toBe('Downloading MNIST')
    await wrapper.get('button').trigger('click')
    expect(wrapper.emitted('cancel')).toHaveLength(1)
  })

  it('is indeterminate until the first bytes arrive', () => {
    const wrapper = mount(DownloadProgress, {
      global: { plugins: [i18n] },
      props: { name: 'MNIST', progress: null }
    })
    expect(wrapper.text()).toContain('Connecting…')
    expect(wrapper.get('progress').attributes('value')).toBeUndefined()
  })

  it('speaks German with German numbers when German is chosen', () => {
    setLocale('de')
    try {
      const wrapper = mount(DownloadProgress, {
        global: { plugins: [i18n] },
        props: {
          name: 'MNIST',
          progress: {
            id: 'mnist',
            file: 'train-images-idx3-ubyte.gz',
            receivedBytes: 5_800_000,
            totalBytes: 11_594_722,
            percent: 50.02,
            bytesPerSecond: 2_400_000
          }
        }
      })
      expect(wrapper.text()).toContain('5,8 MB von 11,6 MB (50\u00a0%), 2,4 MB/s')
      expect(wrapper.get('button').text()).toBe('Download abbrechen')
    } finally {
      setLocale('en')
    }
  })
})
