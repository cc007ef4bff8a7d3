import type { IndexedImage } from '../../png';

/**
 * A 5 × 7 pixel font of the characters chart numbers are made of (the classic dot-matrix
 * shapes), so the PNG fallback of a chart can label its axes and thresholds without a font
 * renderer. Each glyph is seven rows, '#' = ink.
 */
const glyphs: Record<string, readonly string[]> = {
  '0': ['.###.', '#...#', '#..##', '#.#.#', '##..#', '#...#', '.###.'],
  '1': ['..#..', '.##..', '..#..', '..#..', '..#..', '..#..', '.###.'],
  '2': ['.###.', '#...#', '....#', '...#.', '..#..', '.#...', '#####'],
  '3': ['#####', '...#.', '..#..', '...#.', '....#', '#...#', '.###.'],
  '4': ['...#.', '..##.', '.#.#.', '#..#.', '#####', '...#.', '...#.'],
  '5': ['#####', '#....', '####.', '....#', '....#', '#...#', '.###.'],
  '6': ['..##.', '.#...', '#....', '####.', '#...#', '#...#', '.###.'],
  '7': ['#####', '....#', '...#.', '..#..', '.#...', '.#...', '.#...'],
  '8': ['.###.', '#...#', '#...#', '.###.', '#...#', '#...#', '.###.'],
  '9': ['.###.', '#...#', '#...#', '.####', '....#', '...#.', '.##..'],
  '.': ['.....', '.....', '.....', '.....', '.....', '.##..', '.##..'],
  '-': ['.....', '.....', '.....', '#####', '.....', '.....', '.....'],
  '%': ['##...', '##..#', '...#.', '..#..', '.#...', '#..##', '...##'],
  ' ': ['.....', '.....', '.....', '.....', '.....', '.....', '.....'],
};

export const GLYPH_WIDTH = 5;
export const GLYPH_HEIGHT = 7;

/** Whether every character of the text can be drawn. */
export function drawable(text: string): boolean {
  return [...text].every((char) => char in glyphs);
}

/** Width in pixels of the text at the given dot size (one column of space between characters). */
export function textWidth(text: string, dot: number): number {
  return text.length === 0 ? 0 : (text.length * (GLYPH_WIDTH + 1) - 1) * dot;
}

/**
 * Draws the text with its top left corner at (x, y), each font dot `dot` pixels square.
 * Characters the font lacks are skipped (callers check with drawable()).
 */
export function drawText(image: IndexedImage, text: string, x: number, y: number, dot: number, colour: number): void {
  let left = x;
  for (const char of text) {
    const rows = glyphs[char];
    if (rows) {
      rows.forEach((row, j) => {
        for (let i = 0; i < GLYPH_WIDTH; i++)
          if (row[i] === '#') image.rect(left + i * dot, y + j * dot, dot, dot, colour);
      });
    }
    left += (GLYPH_WIDTH + 1) * dot;
  }
}
