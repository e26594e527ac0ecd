namespace ImageProcessing.FunctionHost.Hosting;

internal static class UploadPage
{
    public const string Html = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>ImageProcessing – local upload</title>
        <style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem}pre{background:#f4f4f4;padding:1rem;overflow:auto}</style>
        </head><body>
        <h1>Upload to the local pipeline</h1>
        <p>Files go to <code>uploads/&lt;name&gt;</code> in the emulator's images bucket. Name a file <code>x_thumb.png</code>
        for a 200×200 thumbnail or <code>x_grayscale.jpg</code> for grayscale; anything else is fitted into 1024×1024.</p>
        <form id="f"><input type="file" id="file" required> <button>Upload</button></form>
        <pre id="out">Or: curl -T photo.jpg http://localhost:PORT/uploads/photo.jpg</pre>
        <script>
        const out = document.getElementById('out');
        out.textContent = out.textContent.replace('localhost:PORT', location.host);
        document.getElementById('f').onsubmit = async e => {
          e.preventDefault();
          const file = document.getElementById('file').files[0];
          const r = await fetch('/uploads/' + encodeURIComponent(file.name), { method: 'PUT', body: file });
          const upload = await r.json();
          out.textContent = JSON.stringify(upload, null, 2) + '\n\nwaiting for the function…';
          for (let i = 0; i < 30; i++) {
            await new Promise(ok => setTimeout(ok, 1000));
            const s = await fetch('/status/' + encodeURIComponent(file.name));
            if (s.ok) { const records = await s.json(); if (records[0].status !== 'processing') { out.textContent = JSON.stringify(records, null, 2); return; } }
          }
        };
        </script></body></html>
        """;
}
