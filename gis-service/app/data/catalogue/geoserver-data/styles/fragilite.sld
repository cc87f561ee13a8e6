<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0"
    xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>indicateurs_communes</Name>
    <UserStyle>
      <Name>fragilite</Name>
      <Title>Fragilité territoriale</Title>
      <Abstract>Poids de fragilité (ruralité, ZRR, montagne, QPV, outre-mer) regroupé en catégories.</Abstract>
      <FeatureTypeStyle>
      <Rule>
        <Name>non_fragile</Name>
        <Title>Commune non fragile</Title>
        <ogc:Filter><ogc:PropertyIsLessThanOrEqualTo><ogc:PropertyName>poids_fragilite</ogc:PropertyName><ogc:Literal>0</ogc:Literal></ogc:PropertyIsLessThanOrEqualTo></ogc:Filter>
        <PolygonSymbolizer><Fill><CssParameter name="fill">#f7f7f7</CssParameter></Fill><Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter><CssParameter name="stroke-opacity">0.6</CssParameter></Stroke></PolygonSymbolizer>
      </Rule>
      <Rule>
        <Name>faible</Name>
        <Title>Fragilité faible</Title>
        <ogc:Filter><ogc:And><ogc:PropertyIsGreaterThan><ogc:PropertyName>poids_fragilite</ogc:PropertyName><ogc:Literal>0</ogc:Literal></ogc:PropertyIsGreaterThan><ogc:PropertyIsLessThanOrEqualTo><ogc:PropertyName>poids_fragilite</ogc:PropertyName><ogc:Literal>1</ogc:Literal></ogc:PropertyIsLessThanOrEqualTo></ogc:And></ogc:Filter>
        <PolygonSymbolizer><Fill><CssParameter name="fill">#fdd49e</CssParameter></Fill><Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter><CssParameter name="stroke-opacity">0.6</CssParameter></Stroke></PolygonSymbolizer>
      </Rule>
      <Rule>
        <Name>moyenne</Name>
        <Title>Fragilité moyenne</Title>
        <ogc:Filter><ogc:And><ogc:PropertyIsGreaterThan><ogc:PropertyName>poids_fragilite</ogc:PropertyName><ogc:Literal>1</ogc:Literal></ogc:PropertyIsGreaterThan><ogc:PropertyIsLessThanOrEqualTo><ogc:PropertyName>poids_fragilite</ogc:PropertyName><ogc:Literal>2</ogc:Literal></ogc:PropertyIsLessThanOrEqualTo></ogc:And></ogc:Filter>
        <PolygonSymbolizer><Fill><CssParameter name="fill">#fc8d59</CssParameter></Fill><Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter><CssParameter name="stroke-opacity">0.6</CssParameter></Stroke></PolygonSymbolizer>
      </Rule>
      <Rule>
        <Name>forte</Name>
        <Title>Fragilité forte</Title>
        <ogc:Filter><ogc:PropertyIsGreaterThan><ogc:PropertyName>poids_fragilite</ogc:PropertyName><ogc:Literal>2</ogc:Literal></ogc:PropertyIsGreaterThan></ogc:Filter>
        <PolygonSymbolizer><Fill><CssParameter name="fill">#b30000</CssParameter></Fill><Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter><CssParameter name="stroke-opacity">0.6</CssParameter></Stroke></PolygonSymbolizer>
      </Rule>
      <Rule>
        <Name>absente</Name>
        <Title>Donnée absente</Title>
        <ElseFilter/>
        <PolygonSymbolizer><Fill><CssParameter name="fill">#d9d9d9</CssParameter></Fill><Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter><CssParameter name="stroke-opacity">0.6</CssParameter></Stroke></PolygonSymbolizer>
      </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
