// Model texts the workbench suites write into the test workspace.

/** A 4 m cantilever with a tip load: valid, analyses to 2 cases and one stress check. */
export const CANTILEVER = `model "Cantilever"
units kN m
material S355 E=210GPa nu=0.3 fy=355MPa
section BEAM material=S355 A=53.8cm2 Iy=8356cm4 Iz=604cm4 J=20.1cm4 Wy=557cm3 Wz=80.5cm3
node ROOT 0 0 0
node TIP 4 0 0
member M1 ROOT TIP BEAM
support ROOT fixed
load P
  nodal TIP Fz=-10kN
end
combination ULS 1.5*P
check stress limit=1.0
`;

/** Messy input and what the formatter makes of it (the LSP formatting tests' golden pair). */
export const MESSY = [
  '  node   N1 0 0 0',
  'node N22 6m   0 3.5   # top',
  'node N3 12 0 0#x',
  '',
  '   ',
  '',
  'member  B1 N1 N22 IPE300   hinge=j',
  'member B22 N22 N3 IPE300 roll=90   # rolled',
  'member C1 N1 N3 COL',
  'load DEAD   category=permanent',
  'selfweight     # gravity',
  '      uniform B1   Fz=-4kN/m',
  'uniform B22 local Fz=-2',
  '   # a comment inside',
  'end',
  'let   x=2 * 3',
  'let yy = (x+1)*-2',
  'combination ULS1 1.35 *DEAD+1.5* LIVE   type=ULS',
  'combination SLS1 DEAD-LIVE',
  '',
  '',
].join('\n');

export const MESSY_FORMATTED = [
  'node N1  0  0 0',
  'node N22 6m 0 3.5  # top',
  'node N3  12 0 0    #x',
  '',
  'member B1  N1  N22 IPE300 hinge=j',
  'member B22 N22 N3  IPE300 roll=90  # rolled',
  'member C1  N1  N3  COL',
  'load DEAD category=permanent',
  '  selfweight  # gravity',
  '  uniform B1  Fz=-4kN/m',
  '  uniform B22 local Fz=-2',
  '  # a comment inside',
  'end',
  'let x  = 2*3',
  'let yy = (x + 1)*-2',
  'combination ULS1 1.35*DEAD + 1.5*LIVE type=ULS',
  'combination SLS1 DEAD - LIVE',
  '',
].join('\n');
