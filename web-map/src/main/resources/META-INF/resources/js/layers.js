/* Layer tree built from the WMS capabilities (inputs apart from results), opacity, legends,
   and the optional base map (XYZ URL from ?fond=… or the field in the panel).
   Communes, indicators and zones are drawn from vector tiles (OGC API Tiles, MVT), styled here
   with the rules of their SLD as the server parses it (/ogc/collections/{id}/styles/{style}),
   with hover highlighting; the other layers, the click information (GetFeatureInfo), legends
   and printing stay on WMS. */
(function (C) {
  'use strict';

  const RESULT_GROUP = 'Résultats';
  const DEFAULT_VISIBLE = ['regions', 'departements', 'communes', 'lieux_existants', 'zones_carence', 'sites_candidats'];
  const DRAW_ORDER = ['massifs', 'zrr_perimetre', 'communes', 'departements', 'regions', 'lieux_existants',
    'indicateurs_communes', 'zones_carence', 'flux_od', 'sites_candidats'];
  // Drawn from vector tiles: the layers a user hovers and clicks most, redrawn without a server image.
  const TILED = ['communes', 'indicateurs_communes', 'zones_carence'];
  // Tiles are generalised to a quarter pixel; past zoom 14 OpenLayers enlarges the zoom-14 tiles.
  const TILE_MAX_ZOOM = 14;
  // OGC standard rendering pixel (0.28 mm): scale denominator = metres per pixel / 0.00028.
  const PIXEL_METRES = 0.00028;
  C.wmsLayers = [];

  C.shortName = (name) => name.replace(/^.*:/, '');
  C.findLayer = (shortName) => C.wmsLayers.find((l) => C.shortName(l.get('cap').Name) === shortName);
  C.imagesLoading = () => C.wmsLayers.reduce((n, l) => n + l.get('loading'), 0);

  function createWmsLayer(capLayer, isResult) {
    // _t: images drawn for one identity are never reused from the browser cache for another.
    const params = { LAYERS: capLayer.Name, STYLES: '', VERSION: '1.3.0', TRANSPARENT: true, _t: Date.now() };
    if (isResult) params.SCENARIO = C.scenario();
    const source = new ol.source.ImageWMS({ url: C.WMS_URL, params, ratio: 1, crossOrigin: 'anonymous' });
    if (TILED.includes(C.shortName(capLayer.Name))) return createTiledLayer(capLayer, isResult, source);
    const layer = new ol.layer.Image({ source, visible: false, opacity: 0.85 });
    // Images still loading, per layer (C.imagesLoading: scripts and tests wait for a settled map).
    layer.set('loading', 0);
    source.on('imageloadstart', () => layer.set('loading', layer.get('loading') + 1));
    source.on('imageloadend', () => layer.set('loading', layer.get('loading') - 1));
    source.on('imageloaderror', () => {
      layer.set('loading', layer.get('loading') - 1);
      C.showError(`La couche « ${capLayer.Title} » n'a pas pu être affichée : service cartographique indisponible ou erreur du serveur.`);
    });
    layer.set('cap', capLayer);
    layer.set('isResult', isResult);
    return layer;
  }

  // ----- Vector tiles -----

  function tileUrl(name, isResult) {
    const url = `ogc/collections/${name}/tiles/WebMercatorQuad/{z}/{y}/{x}`;
    return isResult ? `${url}?scenario=${encodeURIComponent(C.scenario())}` : url;
  }

  /** A layer drawn from vector tiles. The WMS source is kept, not drawn: GetFeatureInfo (click),
      style parameter and legend, so the information panel is the same as for the other layers. */
  function createTiledLayer(capLayer, isResult, wmsSource) {
    const name = C.shortName(capLayer.Name);
    const source = new ol.source.VectorTile({
      format: new ol.format.MVT(), url: tileUrl(name, isResult), maxZoom: TILE_MAX_ZOOM,
      attributions: 'Carence (tuiles vectorielles OGC API Tiles)'
    });
    // style null: nothing drawn until the SLD rules have arrived (no flash of OpenLayers' default blue).
    const layer = new ol.layer.VectorTile({ source, visible: false, opacity: 0.85, declutter: true, style: null });
    layer.set('loading', 0);
    source.on('tileloadstart', () => layer.set('loading', layer.get('loading') + 1));
    source.on('tileloadend', () => layer.set('loading', layer.get('loading') - 1));
    source.on('tileloaderror', () => {
      layer.set('loading', layer.get('loading') - 1);
      if (!layer.get('warned')) C.showError(`La couche « ${capLayer.Title} » n'a pas pu être affichée : tuiles vectorielles indisponibles ou erreur du serveur.`);
      layer.set('warned', true);
    });
    layer.set('cap', capLayer);
    layer.set('isResult', isResult);
    layer.set('tiled', true);
    layer.set('wmsSource', wmsSource);
    layer.set('idKey', name === 'zones_carence' ? 'id' : 'code');
    setTiledStyle(layer, (capLayer.Style && capLayer.Style[0] && capLayer.Style[0].Name) || name);
    return layer;
  }

  /** The source whose parameters carry the WMS style and scenario (drawn or kept for clicks). */
  C.wmsSourceOf = (layer) => layer.get('wmsSource') || layer.getSource();
  const styleNameOf = (layer) => C.wmsSourceOf(layer).getParams().STYLES || (layer.get('tiled') ? layer.get('styleName') : '');

  /** Loads a style's SLD rules from the server and draws the tiles with them. */
  async function setTiledStyle(layer, styleName) {
    layer.set('styleName', styleName);
    const name = C.shortName(layer.get('cap').Name);
    try {
      const rules = await C.requestJson(`ogc/collections/${name}/styles/${encodeURIComponent(styleName)}`,
        `Style de « ${layer.get('cap').Title} »`);
      if (layer.get('styleName') !== styleName) return; // another style was chosen meanwhile
      layer.set('rules', rules);
      layer.setStyle(styleFunction(layer, rules));
    } catch (e) {
      C.report(e, `Le style de « ${layer.get('cap').Title} » n'a pas pu être lu.`);
    }
  }

  // ----- SLD rules (CQL2-JSON filters) evaluated on tile features -----

  function value(feature, arg) {
    return arg !== null && typeof arg === 'object' && 'property' in arg ? feature.get(arg.property) : arg;
  }

  /** Compares as the server's SLD filters do: numbers as numbers, anything else as text. */
  function compare(a, b) {
    if (a === undefined || a === null || b === undefined || b === null) return NaN;
    const x = Number(a); const y = Number(b);
    if (typeof a !== 'boolean' && typeof b !== 'boolean' && a !== '' && b !== '' && !isNaN(x) && !isNaN(y)) return x - y;
    const s = String(a); const t = String(b);
    return s === t ? 0 : (s < t ? -1 : 1);
  }

  function matches(filter, f) {
    const a = filter.args || [];
    switch (filter.op) {
      case 'and': return a.every((x) => matches(x, f));
      case 'or': return a.some((x) => matches(x, f));
      case 'not': return !matches(a[0], f);
      case 'isNull': { const v = value(f, a[0]); return v === undefined || v === null; }
      case 'between': { const v = value(f, a[0]); return compare(v, a[1]) >= 0 && compare(v, a[2]) <= 0; }
      case '=': return compare(value(f, a[0]), value(f, a[1])) === 0;
      case '<>': { const c = compare(value(f, a[0]), value(f, a[1])); return !isNaN(c) && c !== 0; }
      case '<': return compare(value(f, a[0]), value(f, a[1])) < 0;
      case '<=': return compare(value(f, a[0]), value(f, a[1])) <= 0;
      case '>': return compare(value(f, a[0]), value(f, a[1])) > 0;
      case '>=': return compare(value(f, a[0]), value(f, a[1])) >= 0;
      default: return false;
    }
  }

  function olStroke(s) {
    return s ? new ol.style.Stroke({ color: s.color, width: s.width, lineDash: s.dash || undefined }) : undefined;
  }

  /** OpenLayers styles of one rule; labels are built per feature. */
  function ruleStyles(rule, zIndex) {
    if (!rule.cache) {
      rule.cache = rule.symbolizers.filter((s) => s.type !== 'text').map((s) => new ol.style.Style({
        zIndex, fill: s.fill ? new ol.style.Fill({ color: s.fill }) : undefined, stroke: olStroke(s.stroke)
      }));
      rule.texts = rule.symbolizers.filter((s) => s.type === 'text');
    }
    return rule.cache;
  }

  const HOVER = new ol.style.Style({ zIndex: 1000, stroke: new ol.style.Stroke({ color: '#000091', width: 3 }), fill: new ol.style.Fill({ color: 'rgba(0,0,145,0.08)' }) });

  function styleFunction(layer, doc) {
    const idKey = layer.get('idKey');
    return (feature, resolution) => {
      const scale = resolution / PIXEL_METRES;
      const out = [];
      doc.passes.forEach((pass, p) => {
        let matched = false;
        const applicable = pass.rules.filter((r) => scale >= r.minScaleDenominator
          && (r.maxScaleDenominator === undefined || scale < r.maxScaleDenominator));
        applicable.filter((r) => !r.else).forEach((r) => {
          if (r.filter && !matches(r.filter, feature)) return;
          matched = true;
          out.push(...styleWithLabels(r, feature, p));
        });
        if (!matched) applicable.filter((r) => r.else).forEach((r) => out.push(...styleWithLabels(r, feature, p)));
      });
      const hovered = layer.get('hovered');
      if (hovered !== undefined && feature.get(idKey) === hovered) out.push(HOVER);
      return out;
    };
  }

  function styleWithLabels(rule, feature, pass) {
    const styles = ruleStyles(rule, pass);
    if (!rule.texts.length) return styles;
    return styles.concat(rule.texts.map((t) => {
      const text = feature.get(t.label);
      if (text === undefined || text === null) return null;
      return new ol.style.Style({
        zIndex: pass,
        text: new ol.style.Text({
          text: String(text), font: t.font, fill: new ol.style.Fill({ color: t.fill || 'black' }),
          stroke: t.halo ? new ol.style.Stroke({ color: t.halo, width: 2 * (t.haloRadius || 1) }) : undefined,
          overflow: true
        })
      });
    }).filter(Boolean));
  }

  // Hover: the feature under the pointer is outlined on the top-most tiled layer.
  C.map.on('pointermove', (e) => {
    if (e.dragging) return;
    const tiled = C.wmsLayers.filter((l) => l.get('tiled') && l.getVisible());
    let hit = null;
    C.map.forEachFeatureAtPixel(e.pixel, (f, l) => { hit = { f, l }; return true; },
      { layerFilter: (l) => tiled.includes(l), hitTolerance: 2 });
    tiled.forEach((l) => {
      const id = hit && hit.l === l ? hit.f.get(l.get('idKey')) : undefined;
      if (l.get('hovered') !== id) { l.set('hovered', id); l.changed(); }
    });
    C.map.getTargetElement().style.cursor = hit ? 'pointer' : '';
    document.body.dataset.survol = hit ? `${C.shortName(hit.l.get('cap').Name)}:${hit.f.get(hit.l.get('idKey'))}` : '';
  });

  function legendUrl(capLayer, styleName) {
    const styles = capLayer.Style || [];
    const style = styles.find((s) => s.Name === styleName) || styles[0];
    const legend = style && style.LegendURL && style.LegendURL[0];
    return legend ? legend.OnlineResource : null;
  }

  /** Style choice for layers published with several styles (e.g. score or demand). */
  function styleSelector(layer, capLayer, img) {
    const select = document.createElement('select');
    select.className = 'style';
    select.setAttribute('aria-label', `Style de ${capLayer.Title}`);
    capLayer.Style.forEach((s) => select.add(new Option(s.Title || s.Name, s.Name)));
    select.value = styleNameOf(layer) || capLayer.Style[0].Name;
    select.addEventListener('change', () => {
      C.wmsSourceOf(layer).updateParams({ STYLES: select.value });
      if (layer.get('tiled')) setTiledStyle(layer, select.value);
      const url = legendUrl(capLayer, select.value);
      if (img && url) img.src = url;
    });
    return select;
  }

  function layerControl(layer, capLayer) {
    const div = document.createElement('div');
    div.className = 'couche';
    div.dataset.couche = C.shortName(capLayer.Name);
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = layer.getVisible();
    box.addEventListener('change', () => { layer.setVisible(box.checked); legend.hidden = !box.checked; });
    label.append(box, document.createTextNode(capLayer.Title || capLayer.Name));
    label.title = capLayer.Abstract || '';
    const opacity = document.createElement('input');
    opacity.type = 'range'; opacity.min = 0; opacity.max = 1; opacity.step = 0.05; opacity.value = layer.getOpacity();
    opacity.setAttribute('aria-label', `Opacité de ${capLayer.Title}`);
    opacity.title = 'Opacité';
    opacity.addEventListener('input', () => layer.setOpacity(Number(opacity.value)));
    const legend = document.createElement('div');
    legend.hidden = !layer.getVisible();
    const url = legendUrl(capLayer, C.wmsSourceOf(layer).getParams().STYLES);
    let img = null;
    if (url) {
      img = document.createElement('img');
      img.className = 'legende'; img.alt = `Légende de ${capLayer.Title}`; img.src = url;
      img.addEventListener('error', () => { img.replaceWith(document.createTextNode('Légende indisponible')); });
    }
    if ((capLayer.Style || []).length > 1) legend.appendChild(styleSelector(layer, capLayer, img));
    if (img) legend.appendChild(img);
    div.append(label, opacity, legend);
    return div;
  }

  /** Visibility, opacity and style of each layer, to keep them across a rebuild. */
  function layerStates() {
    const states = new Map();
    C.wmsLayers.forEach((l) => states.set(C.shortName(l.get('cap').Name),
      { visible: l.getVisible(), opacity: l.getOpacity(), style: C.wmsSourceOf(l).getParams().STYLES }));
    return states;
  }

  /** Replaces the tree and the map's WMS layers. New sources, so no image of the previous
      identity stays in a cache. A layer not seen before takes its default visibility. */
  function buildLayerTree(caps, states) {
    const tree = document.getElementById('arbre-couches');
    C.wmsLayers.forEach((l) => C.map.removeLayer(l));
    C.wmsLayers.length = 0;
    tree.innerHTML = '';
    const root = caps.Capability.Layer;
    const groups = (root.Layer || []).some((l) => l.Layer) ? root.Layer : [{ Title: 'Couches', Layer: root.Layer || [] }];
    // Results first in the tree (what users come for), inputs below.
    groups.sort((a, b) => (b.Title === RESULT_GROUP) - (a.Title === RESULT_GROUP));
    groups.forEach((group) => {
      const isResult = group.Title === RESULT_GROUP || group.Name === 'resultats';
      const h3 = document.createElement('h3');
      h3.textContent = isResult ? `${group.Title} (scénario choisi)` : group.Title;
      tree.appendChild(h3);
      (group.Layer || [group]).forEach((capLayer) => {
        const layer = createWmsLayer(capLayer, isResult);
        const state = states.get(C.shortName(capLayer.Name));
        layer.setVisible(state ? state.visible : DEFAULT_VISIBLE.includes(C.shortName(capLayer.Name)));
        if (state) {
          layer.setOpacity(state.opacity);
          if (state.style) {
            C.wmsSourceOf(layer).updateParams({ STYLES: state.style });
            if (layer.get('tiled')) setTiledStyle(layer, state.style);
          }
        }
        C.wmsLayers.push(layer);
        tree.appendChild(layerControl(layer, capLayer));
      });
    });
    // Inputs under results; areas under lines under points (the capabilities list is alphabetical).
    C.wmsLayers.forEach((l, i) => {
      const rank = DRAW_ORDER.indexOf(C.shortName(l.get('cap').Name));
      l.setZIndex((l.get('isResult') ? 50 : 0) + (rank < 0 ? 20 + i : rank));
    });
    C.wmsLayers.forEach((l) => C.map.addLayer(l));
  }

  /** Redraws the result layers for the scenario now selected. */
  C.refreshResultLayers = function () {
    C.wmsLayers.filter((l) => l.get('isResult')).forEach((l) => {
      C.wmsSourceOf(l).updateParams({ SCENARIO: C.scenario(), _t: Date.now() });
      if (l.get('tiled')) l.getSource().setUrl(tileUrl(C.shortName(l.get('cap').Name), true));
    });
  };

  let loads = 0;
  /** (Re)builds the layer tree from a fresh GetCapabilities: what it lists depends on who is
      connected (restricted layers are absent from the capabilities of an anonymous caller). */
  C.loadCapabilities = async function () {
    const load = ++loads;
    const first = C.wmsLayers.length === 0 && load === 1;
    document.body.dataset.couches = 'chargement';
    try {
      const text = await (await C.request(`${C.WMS_URL}?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities`,
        'Chargement des couches', { cache: 'no-store' })).text();
      if (load !== loads) return; // a newer load (login / logout meanwhile) wins
      const caps = new ol.format.WMSCapabilities().read(text);
      buildLayerTree(caps, layerStates());
      if (first) {
        // Fit to the loaded communes (the sample or the national set), not the root extent
        // which spans the overseas départements.
        const communes = C.findLayer('communes');
        const bbox = (communes && communes.get('cap').EX_GeographicBoundingBox) || caps.Capability.Layer.EX_GeographicBoundingBox;
        if (bbox) C.view.fit(ol.proj.transformExtent(bbox, 'EPSG:4326', C.L93), { padding: [20, 20, 20, 20] });
      }
      document.body.dataset.couches = 'pretes';
      document.body.dataset.chargementsCouches = String(load);
      document.dispatchEvent(new CustomEvent('carence:couches'));
    } catch (e) {
      if (load !== loads) return;
      document.getElementById('arbre-couches').innerHTML = '<p class="info">Les couches ne sont pas disponibles.</p>';
      C.report(e, 'Le service cartographique (WMS) a renvoyé une réponse illisible.');
      document.body.dataset.couches = 'erreur';
    }
  };
  // Another identity sees other layers, and other images of the same layers.
  document.addEventListener('carence:session', () => { if (loads > 0) C.loadCapabilities(); });

  // Optional base map: nothing from the Internet unless the user or the deployer asks.
  let baseLayer = null;
  C.setBaseMap = function (url) {
    if (baseLayer) { C.map.removeLayer(baseLayer); baseLayer = null; }
    const input = document.getElementById('fond-url');
    input.value = url || '';
    if (!url) { localStorage.removeItem('carence.fond'); return; }
    if (!/^https?:\/\/.+\{z\}.*\{x\}.*\{y\}|^https?:\/\/.+\{z\}.*\{y\}.*\{x\}/.test(url)) {
      C.showError('Adresse de fond de carte invalide : attendu une URL XYZ du type https://serveur/{z}/{x}/{y}.png');
      return;
    }
    localStorage.setItem('carence.fond', url);
    const source = new ol.source.XYZ({ url, crossOrigin: 'anonymous', projection: 'EPSG:3857' });
    let warned = false;
    source.on('tileloaderror', () => {
      if (!warned) C.showError('Le fond de carte ne répond pas ; la carte reste lisible sur les couches Carence.');
      warned = true;
    });
    baseLayer = new ol.layer.Tile({ source, zIndex: -10, opacity: 0.7 });
    C.map.addLayer(baseLayer);
  };
  document.getElementById('fond-form').addEventListener('submit', (e) => {
    e.preventDefault();
    C.setBaseMap(document.getElementById('fond-url').value.trim());
  });
  C.initBaseMap = function () {
    const fromUrl = new URLSearchParams(location.search).get('fond');
    const url = fromUrl || localStorage.getItem('carence.fond');
    if (url) C.setBaseMap(url);
  };
}(window.Carence = window.Carence || {}));
