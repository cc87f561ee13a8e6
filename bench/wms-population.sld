<?xml version="1.0" encoding="UTF-8"?>
<!-- Benchmark only (bench/wms-vs-mapserver.sh): the population choropleth of the MapServer peer
     (shared/peers/mapserver/communes.map), same classes, colours and 0.3 px grey outline. -->
<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc">
  <NamedLayer>
    <Name>communes</Name>
    <UserStyle>
      <Name>bench_population</Name>
      <Title>Population communale (banc d'essai)</Title>
      <FeatureTypeStyle>
        <Rule><Title>Moins de 200 habitants</Title>
          <ogc:Filter><ogc:PropertyIsLessThan><ogc:PropertyName>population</ogc:PropertyName><ogc:Literal>200</ogc:Literal></ogc:PropertyIsLessThan></ogc:Filter>
          <PolygonSymbolizer><Fill><CssParameter name="fill">#ffffcc</CssParameter></Fill><Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.3</CssParameter></Stroke></PolygonSymbolizer></Rule>
        <Rule><Title>De 200 à 500</Title>
          <ogc:Filter><ogc:And><ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>population</ogc:PropertyName><ogc:Literal>200</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyIsLessThan><ogc:PropertyName>population</ogc:PropertyName><ogc:Literal>500</ogc:Literal></ogc:PropertyIsLessThan></ogc:And></ogc:Filter>
          <PolygonSymbolizer><Fill><CssParameter name="fill">#a1dab4</CssParameter></Fill><Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.3</CssParameter></Stroke></PolygonSymbolizer></Rule>
        <Rule><Title>De 500 à 2 000</Title>
          <ogc:Filter><ogc:And><ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>population</ogc:PropertyName><ogc:Literal>500</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyIsLessThan><ogc:PropertyName>population</ogc:PropertyName><ogc:Literal>2000</ogc:Literal></ogc:PropertyIsLessThan></ogc:And></ogc:Filter>
          <PolygonSymbolizer><Fill><CssParameter name="fill">#41b6c4</CssParameter></Fill><Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.3</CssParameter></Stroke></PolygonSymbolizer></Rule>
        <Rule><Title>De 2 000 à 10 000</Title>
          <ogc:Filter><ogc:And><ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>population</ogc:PropertyName><ogc:Literal>2000</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyIsLessThan><ogc:PropertyName>population</ogc:PropertyName><ogc:Literal>10000</ogc:Literal></ogc:PropertyIsLessThan></ogc:And></ogc:Filter>
          <PolygonSymbolizer><Fill><CssParameter name="fill">#2c7fb8</CssParameter></Fill><Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.3</CssParameter></Stroke></PolygonSymbolizer></Rule>
        <Rule><Title>10 000 habitants et plus</Title>
          <ogc:Filter><ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>population</ogc:PropertyName><ogc:Literal>10000</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo></ogc:Filter>
          <PolygonSymbolizer><Fill><CssParameter name="fill">#253494</CssParameter></Fill><Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.3</CssParameter></Stroke></PolygonSymbolizer></Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
