/**
 * Demo illustrations drawn in memory: an SVG of soft gradients and shapes, rasterised by sharp.
 * Deterministic (a seeded generator), no text, no network, nothing read from disk.
 */
import sharp from 'sharp'

export type Palette = readonly [background: string, accent: string, highlight: string]

export const PALETTES = {
  harbour: ['#0f3d56', '#2f7f9f', '#9fd3c7'],
  dawn: ['#3b2c4f', '#b5677d', '#f2c6a0'],
  meadow: ['#1f4d3a', '#5c9c6b', '#d9e7b8'],
  slate: ['#23303f', '#56708c', '#c9d6e3'],
  ember: ['#4a2326', '#c26a3d', '#f4d58d'],
  lagoon: ['#123c3f', '#2a9d8f', '#e9f5db'],
} as const satisfies Record<string, Palette>

/** mulberry32, seeded from a string: the same name always draws the same picture. */
const random = (seed: string) => {
  let a = 0
  for (const ch of seed) a = Math.imul(a ^ ch.charCodeAt(0), 2654435761) >>> 0 || 1
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const gradient = (id: string, [from, to]: readonly string[]) =>
  `<linearGradient id="${id}" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient>`

/** A calm abstract scene: diagonal gradient, drifting circles and two gentle waves. */
export const abstractScene = async (
  seed: string,
  palette: Palette,
  { width = 1600, height = 900, format = 'jpeg' as 'jpeg' | 'png' } = {},
): Promise<Buffer> => {
  const rnd = random(seed)
  const [bg, accent, light] = palette
  const circles = Array.from({ length: 7 }, () => {
    const r = (0.08 + rnd() * 0.22) * height
    const fill = rnd() > 0.5 ? light : accent
    return `<circle cx="${(rnd() * width).toFixed(1)}" cy="${(rnd() * height).toFixed(1)}" r="${r.toFixed(1)}" fill="${fill}" fill-opacity="${(0.08 + rnd() * 0.14).toFixed(2)}"/>`
  }).join('')
  const wave = (y: number, amp: number, colour: string, opacity: number) => {
    const mid = width / 2
    return `<path d="M0 ${y} C ${mid * 0.5} ${y - amp}, ${mid * 1.5} ${y + amp}, ${width} ${y} L ${width} ${height} L 0 ${height} Z" fill="${colour}" fill-opacity="${opacity}"/>`
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<defs>${gradient('bg', [bg, accent])}</defs>
<rect width="${width}" height="${height}" fill="url(#bg)"/>
${circles}
${wave(height * (0.62 + rnd() * 0.1), height * 0.12, light, 0.16)}
${wave(height * (0.78 + rnd() * 0.08), height * 0.08, bg, 0.35)}
</svg>`
  const image = sharp(Buffer.from(svg))
  return format === 'png' ? image.png().toBuffer() : image.jpeg({ quality: 82, mozjpeg: true }).toBuffer()
}

export type Shape = 'circle' | 'triangle' | 'diamond' | 'hexagon'

const shapePath = (shape: Shape, c: number, r: number): string => {
  const polygon = (sides: number, rotation: number) =>
    Array.from({ length: sides }, (_, i) => {
      const a = rotation + (i * 2 * Math.PI) / sides
      return `${(c + r * Math.cos(a)).toFixed(1)},${(c + r * Math.sin(a)).toFixed(1)}`
    }).join(' ')
  switch (shape) {
    case 'circle':
      return `<circle cx="${c}" cy="${c}" r="${r}"/>`
    case 'triangle':
      return `<polygon points="${polygon(3, -Math.PI / 2)}"/>`
    case 'diamond':
      return `<polygon points="${polygon(4, 0)}"/>`
    case 'hexagon':
      return `<polygon points="${polygon(6, 0)}"/>`
  }
}

/**
 * A plainly generic placeholder mark: a coloured square with one geometric shape and a ring.
 * Deliberately not modelled on any organisation's real logo.
 */
export const placeholderMark = async (shape: Shape, palette: Palette, size = 512): Promise<Buffer> => {
  const [bg, accent, light] = palette
  const c = size / 2
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">
<rect width="${size}" height="${size}" fill="${bg}"/>
<circle cx="${c}" cy="${c}" r="${size * 0.38}" fill="none" stroke="${accent}" stroke-width="${size * 0.03}"/>
<g fill="${light}">${shapePath(shape, c, size * 0.22)}</g>
</svg>`
  return sharp(Buffer.from(svg)).png().toBuffer()
}
