import { describe, expect, it } from 'vitest'
import { toSegments } from './ansi'

describe('toSegments', () => {
  it('turns SGR colours into classes and 24-bit colours into a style', () => {
    expect(toSegments('\u001b[31mred\u001b[0m plain \u001b[1;38;2;10;20;30mrgb')).toEqual([
      { text: 'red', classes: ['ansi-red'] },
      { text: ' plain ', classes: [] },
      { text: 'rgb', classes: ['ansi-bold'], style: 'color: rgb(10, 20, 30)' },
    ])
  })

  it('drops OSC-8 links and cursor control, keeps markup as plain text and shows stray controls', () => {
    const segments = toSegments(
      '\u001b]8;;http://evil.example\u0007click\u001b]8;;\u0007 \u001b[2J<img src=x onerror=alert(1)>\u0000\u001b',
    )
    expect(segments.map((s) => s.text).join('')).toBe('click <img src=x onerror=alert(1)>\ufffd␛')
  })

  it('maps the 256-colour palette to themed classes or RGB', () => {
    expect(toSegments('\u001b[38;5;1ma\u001b[38;5;196mb')).toEqual([
      { text: 'a', classes: ['ansi-red'] },
      { text: 'b', classes: [], style: 'color: rgb(255, 0, 0)' },
    ])
  })

  it('passes plain text through untouched', () => {
    expect(toSegments('hello\tworld')).toEqual([{ text: 'hello\tworld', classes: [] }])
  })
})
