// What the layout produces and the PDF writer draws: per page, a list of drawing operations in PDF
// points (origin bottom left, y up). Keeping layout apart from pdf-lib lets the tests inspect
// positions and lets the writer emit compact content streams.
import type { FontFace } from '../fonts';

export type Rgb = readonly [number, number, number];

export interface TextOp {
  t: 'text';
  x: number;
  /** Baseline. */
  y: number;
  text: string;
  face: FontFace;
  size: number;
  color?: Rgb;
}

export interface PathOp {
  t: 'path';
  /** x0 y0 x1 y1 …; a polyline, or a polygon when `close`. */
  pts: number[];
  close?: boolean;
  stroke?: Rgb;
  fill?: Rgb;
  width?: number;
  dash?: number[];
}

export interface RectOp {
  t: 'rect';
  x: number;
  y: number;
  w: number;
  h: number;
  stroke?: Rgb;
  fill?: Rgb;
  width?: number;
}

export interface CircleOp {
  t: 'circle';
  x: number;
  y: number;
  r: number;
  stroke?: Rgb;
  fill?: Rgb;
  width?: number;
}

/** A clickable area that jumps to a named destination (an anchor). */
export interface LinkOp {
  t: 'link';
  x: number;
  y: number;
  w: number;
  h: number;
  dest: string;
}

export type Op = TextOp | PathOp | RectOp | CircleOp | LinkOp;

export interface PageContent {
  ops: Op[];
  /** The cover has no running header and footer. */
  plain?: boolean;
}

/** A place in the document: page index within its part and the y of its top. */
export interface Anchor {
  page: number;
  y: number;
}

export const BLACK: Rgb = [0, 0, 0];
export const INK: Rgb = [0.12, 0.14, 0.17];
export const MUTED: Rgb = [0.38, 0.41, 0.45];
export const RULE: Rgb = [0.72, 0.75, 0.79];
export const SHADE: Rgb = [0.945, 0.953, 0.965];
export const ACCENT: Rgb = [0.12, 0.23, 0.37];
export const LINK: Rgb = [0.1, 0.3, 0.62];
export const OK_GREEN: Rgb = [0.09, 0.5, 0.2];
export const FAIL_RED: Rgb = [0.78, 0.1, 0.1];
export const FAIL_FILL: Rgb = [0.99, 0.9, 0.9];
export const WARN_AMBER: Rgb = [0.7, 0.45, 0.02];
