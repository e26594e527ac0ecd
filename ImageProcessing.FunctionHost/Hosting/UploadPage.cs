namespace ImageProcessing.FunctionHost.Hosting;

/// <summary>
/// The upload page: several files at once, by the file picker or drag and drop, each with its live status, its
/// renditions as images or its rejection in words and code, and the recent uploads as a gallery. Plain HTML with
/// labels, a live region and keyboard-operable controls; no build step, no external assets.
/// </summary>
internal static class UploadPage
{
    public const string Html = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>ImageProcessing – local uploads</title>
        <style>
          :root { font-family: system-ui, sans-serif; color: #1b1b1b; }
          body { max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
          #drop { border: 2px dashed #6b6b6b; border-radius: .5rem; padding: 2rem; text-align: center; margin: 1rem 0; cursor: pointer; }
          #drop:focus, #drop.over { outline: 3px solid #005fcc; background: #eef4ff; }
          ul.cards { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: 1rem; }
          .card { border: 1px solid #ccc; border-radius: .5rem; padding: .75rem; }
          .card h3 { font-size: 1rem; margin: 0 0 .5rem; word-break: break-all; }
          .status { font-weight: 600; } .processed { color: #176d2b; } .rejected, .failed { color: #a4161a; } .processing, .uploading { color: #6b4c00; }
          figure { margin: .5rem 0; } img { max-width: 100%; height: auto; background: #f4f4f4; }
          code { background: #f4f4f4; padding: 0 .25rem; }
        </style></head><body>
        <main>
        <h1>Upload to the local pipeline</h1>
        <p>Files go to <code>uploads/&lt;name&gt;</code> in the emulator's images bucket. Name a file <code>x_thumb.png</code> for a
        200×200 thumbnail or <code>x_grayscale.jpg</code> for grayscale; anything else is fitted into 1024×1024.</p>
        <form id="upload-form">
          <label for="files">Images to upload</label>
          <input type="file" id="files" name="files" multiple accept="image/*">
          <div id="drop" tabindex="0" role="button" aria-describedby="drop-help">Drop images here</div>
          <p id="drop-help">Or press Enter or Space here to choose files. Nothing checks the files in the browser: the pipeline decides.</p>
          <button type="submit">Upload</button>
        </form>
        <p>From a terminal: <code id="curl">curl -T photo.jpg http://localhost/uploads/photo.jpg</code></p>
        <section aria-labelledby="session-heading"><h2 id="session-heading">Uploaded now</h2>
          <ul id="uploads" class="cards" aria-live="polite"></ul></section>
        <section aria-labelledby="gallery-heading"><h2 id="gallery-heading">Recent uploads</h2>
          <ul id="gallery" class="cards"></ul></section>
        </main>
        <script>
        const $ = id => document.getElementById(id);
        $('curl').textContent = `curl -T photo.jpg ${location.origin}/uploads/photo.jpg`;
        const path = name => name.split('/').map(encodeURIComponent).join('/');

        function render(card, view) {
          card.replaceChildren();
          const title = document.createElement('h3'); title.textContent = view.name; card.append(title);
          const status = document.createElement('p');
          status.className = 'status ' + view.status; status.textContent = view.status; card.append(status);
          if (view.status === 'rejected') {
            const why = document.createElement('p');
            why.append('Rejected: ' + (view.message || 'no message') + ' ');
            const code = document.createElement('code'); code.className = 'reason'; code.textContent = view.reason; why.append(code);
            card.append(why);
          }
          for (const output of view.outputs || []) {
            const figure = document.createElement('figure');
            const img = document.createElement('img');
            img.src = output.url; img.loading = 'lazy'; img.width = output.width; img.height = output.height;
            img.alt = `${view.name}: ${output.rendition}, ${output.width}×${output.height} ${output.format}`;
            const caption = document.createElement('figcaption');
            caption.textContent = `${output.rendition} · ${output.width}×${output.height} ${output.format} · ${output.bytes} B`;
            figure.append(img, caption); card.append(figure);
          }
        }

        function card(list, name) {
          const item = document.createElement('li'); item.className = 'card'; item.dataset.name = name;
          list.prepend(item); return item;
        }

        async function follow(item, name) {
          for (let i = 0; i < 120; i++) {
            const response = await fetch('/api/uploads/' + path(name));
            if (response.ok) {
              const view = await response.json();
              render(item, view);
              if (view.status === 'processed' || view.status === 'rejected') { loadGallery(); return; }
            }
            await new Promise(ok => setTimeout(ok, 500));
          }
        }

        async function upload(files) {
          for (const file of files) {
            const item = card($('uploads'), file.name);
            render(item, { name: file.name, status: 'uploading', outputs: [] });
            const response = await fetch('/uploads/' + path(file.name), { method: 'PUT', body: file });
            if (!response.ok) { render(item, { name: file.name, status: 'failed', outputs: [] }); continue; }
            render(item, { name: file.name, status: 'processing', outputs: [] });
            follow(item, file.name);
          }
        }

        async function loadGallery() {
          const response = await fetch('/api/uploads');
          if (!response.ok) return;
          const list = $('gallery'); list.replaceChildren();
          for (const view of (await response.json()).reverse()) render(card(list, view.name), view);
        }

        $('upload-form').onsubmit = e => { e.preventDefault(); upload($('files').files); $('files').value = ''; };
        const drop = $('drop');
        drop.onclick = () => $('files').click();
        drop.onkeydown = e => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); $('files').click(); } };
        drop.ondragover = e => { e.preventDefault(); drop.classList.add('over'); };
        drop.ondragleave = () => drop.classList.remove('over');
        drop.ondrop = e => { e.preventDefault(); drop.classList.remove('over'); upload(e.dataTransfer.files); };
        loadGallery();
        </script></body></html>
        """;
}
