// The pipeline's rules done with sharp (libvips, as in AWS's Serverless Image Handler), one file after another on
// one thread: auto-orient, fit inside 1024×1024 or 200×200 without enlarging, or grayscale at full size; metadata
// is not kept (sharp's default); JPEG q85, PNG zlib 3, WebP q85, as the pipeline encodes. Each file is read into
// memory first and decoded from there, as a Lambda function gets an S3 object's body (AWS's Serverless Image Handler
// passes that buffer to sharp); the outputs are encoded to memory and then written. Each file's CPU time (the whole
// process: every thread) goes to stderr as "cpu-ms <name> <ms>".
//   node sharp_batch.mjs <fit|thumb|grayscale> <in-dir> <out-dir>
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(process.env.SHARP_PREFIX ? path.join(process.env.SHARP_PREFIX, 'package.json') : import.meta.url);
const sharp = require('sharp');
sharp.concurrency(1);
sharp.cache(false);

const [rule, input, output] = process.argv.slice(2);
const boxes = { fit: 1024, thumb: 200 };
fs.mkdirSync(output, { recursive: true });
for (const name of fs.readdirSync(input).sort()) {
  const before = process.cpuUsage();
  let image = sharp(fs.readFileSync(path.join(input, name)), { failOn: 'warning' }).rotate();
  image = rule === 'grayscale'
    ? image.grayscale()
    : image.resize(boxes[rule], boxes[rule], { fit: 'inside', withoutEnlargement: true });
  const extension = path.extname(name).toLowerCase();
  image = extension === '.png' ? image.png({ compressionLevel: 3 })
    : extension === '.webp' ? image.webp({ quality: 85 })
    : image.jpeg({ quality: 85 });
  fs.writeFileSync(path.join(output, name), await image.toBuffer());
  const used = process.cpuUsage(before);
  console.error(`cpu-ms ${name} ${((used.user + used.system) / 1000).toFixed(2)}`);
}
