// The upstream of every repro: answers 200 with no body and prints what reached it (method, URL, body as text),
// so a repro shows both Prism's answer and what Prism forwarded.
const http = require('http');
const port = Number(process.argv[2]);
http.createServer((req, res) => {
  const chunks = [];
  req.on('data', c => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    console.log(`upstream received: ${req.method} ${req.url}, body ${body.length} bytes: ${body.toString("hex")}`);
    res.writeHead(200, { 'Content-Length': '0' });
    res.end();
  });
}).listen(port, '127.0.0.1');
