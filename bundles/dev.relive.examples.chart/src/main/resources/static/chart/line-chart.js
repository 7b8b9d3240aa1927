// The client hook of /chart: draws the points the view pushes on the canvas inside its element, which is the
// client's (rl-ignore), so that the server's patches of the rest of the page never touch it.

const KEPT = 60;

const LineChart = {
  mounted() {
    this.canvas = this.el.querySelector("canvas");
    this.points = [];
    this.canvas.dataset.mounts = String(Number(this.canvas.dataset.mounts ?? 0) + 1);
    this.handleEvent("chart:series", (series) => {
      this.points = series.points.slice(-KEPT);
      this.draw();
    });
    this.handleEvent("chart:point", (point) => {
      if (this.points.length && this.points[this.points.length - 1].n >= point.n) return;
      this.points = [...this.points, point].slice(-KEPT);
      this.draw();
    });
    this.pushEvent("chartReady");
  },
  updated() {
    this.draw();
  },
  reconnected() {
    this.pushEvent("chartReady");
  },
  draw() {
    const { canvas, points } = this;
    const ctx = canvas.getContext("2d");
    const max = Number(this.el.dataset.max) || 100;
    const { width, height } = canvas;
    ctx.clearRect(0, 0, width, height);
    ctx.strokeStyle = "#d8dee4";
    ctx.lineWidth = 1;
    for (let y = 0; y <= 4; y++) {
      ctx.beginPath();
      ctx.moveTo(0, (height * y) / 4);
      ctx.lineTo(width, (height * y) / 4);
      ctx.stroke();
    }
    if (points.length > 1) {
      ctx.strokeStyle = "#2f6feb";
      ctx.lineWidth = 2;
      ctx.beginPath();
      points.forEach((p, i) => {
        const x = (width * i) / (KEPT - 1);
        const y = height - (height * p.value) / max;
        if (i === 0) ctx.moveTo(x, y);
        else ctx.lineTo(x, y);
      });
      ctx.stroke();
    }
    canvas.dataset.points = String(points.length);
    canvas.dataset.last = points.length ? String(points[points.length - 1].n) : "";
  },
};

if (globalThis.Relive?.hooks) globalThis.Relive.hooks.register("LineChart", LineChart);
else (globalThis.ReliveHooks ??= {}).LineChart = LineChart;
