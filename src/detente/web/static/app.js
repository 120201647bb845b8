// detente dashboard: draws the charts a page declares and runs the upload form. No framework.
var detente = {
  charts: function () {
    document.querySelectorAll("[data-chart]").forEach(function (el) {
      var spec = JSON.parse(document.getElementById(el.dataset.chart).textContent);
      Plotly.newPlot(el, spec.data, spec.layout, {displayModeBar: false, responsive: true});
    });
  },

  upload: function (form) {
    var status = document.getElementById("upload-status"), bar = document.getElementById("upload-progress");
    var state = document.getElementById("upload-state"), errors = document.getElementById("upload-errors");
    var docs = document.getElementById("upload-documents"), button = document.getElementById("upload-button");
    function line(list, text, href) {
      var li = document.createElement("li");
      if (href) { var a = document.createElement("a"); a.href = href; a.textContent = text; li.appendChild(a); }
      else { li.textContent = text; }  // textContent: nothing from a server or file is ever markup
      list.appendChild(li);
    }
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var headers = {}, token = document.getElementById("upload-token");
      if (token && token.value) headers["Authorization"] = "Bearer " + token.value.trim();
      errors.textContent = ""; docs.textContent = ""; status.hidden = false; bar.value = 0;
      state.textContent = "uploading"; button.disabled = true;
      fetch("/api/ingest", {method: "POST", body: new FormData(form), headers: headers})
        .then(function (r) { return r.json().then(function (body) { return [r.status, body]; }); })
        .then(function (res) {
          if (res[0] !== 202) { throw new Error(res[1].detail || ("upload refused: " + res[0])); }
          poll(res[1].job_id);
        })
        .catch(function (e) { state.textContent = "refused"; line(errors, e.message); button.disabled = false; });
    });
    function poll(id) {
      fetch("/api/ingest/" + id).then(function (r) { return r.json(); }).then(function (job) {
        bar.value = job.progress;
        state.textContent = job.status + (job.status === "loading" ? " the language pipeline" : "");
        if (job.status === "done" || job.status === "failed") {
          state.textContent = job.status + ": stored " + job.stored + ", skipped " + job.skipped + ", failed " + job.failed;
          job.errors.forEach(function (e) { line(errors, e); });
          job.documents.forEach(function (d) { line(docs, "document " + d, "/documents/" + d); });
          line(docs, "all documents", "/documents");
          button.disabled = false;
          return;
        }
        setTimeout(function () { poll(id); }, 400);
      });
    }
  }
};
document.addEventListener("DOMContentLoaded", function () {
  // No inline script on any page (the Content-Security-Policy allows none): each page's parts
  // are started from here.
  if (window.Plotly && document.querySelector("[data-chart]")) detente.charts();
  var form = document.getElementById("upload-form");
  if (form) {
    // /upload#token=TOKEN fills the token field; the fragment never reaches the server or a
    // Referer, and is dropped from the address bar at once.
    var token = document.getElementById("upload-token"), m = /(?:^#|&)token=([^&]*)/.exec(location.hash);
    if (token && m) {
      try { token.value = decodeURIComponent(m[1]); } catch (e) { token.value = m[1]; }
      history.replaceState(null, "", location.pathname + location.search);
    }
    detente.upload(form);
  }
});
