// A figure in the flow: a framed box of the text width, the drawing, a numbered caption below.
import type { Flow } from '../layout/flow';
import { RULE } from '../layout/display-list';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export function figure(flow: Flow, title: string, height: number, draw: (box: Box) => void): void {
  flow.space(8);
  flow.ensure(height + 24);
  const box: Box = { x: flow.left, y: flow.y - height, w: flow.width, h: height };
  flow.push({ t: 'rect', x: box.x, y: box.y, w: box.w, h: box.h, stroke: RULE, width: 0.5 });
  draw(box);
  flow.y = box.y - 12;
  flow.caption('figure', title, flow.y);
  flow.y -= 10;
}
