<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0"
    xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>indicateurs_communes</Name>
    <UserStyle>
      <Name>demande</Name>
      <Title>Demande de télétravail</Title>
      <Abstract>Nombre estimé de télétravailleurs potentiels par commune de résidence.</Abstract>
      <FeatureTypeStyle>
      <Rule>
        <Name>classe_1</Name>
        <Title>Moins de 10</Title>
        <ogc:Filter><ogc:PropertyIsLessThan><ogc:PropertyName>demande</ogc:PropertyName><ogc:Literal>10</ogc:Literal></ogc:PropertyIsLessThan></ogc:Filter>
        <PolygonSymbolizer><Fill><CssParameter name="fill">#f7fbff</CssParameter></Fill><Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter><CssParameter name="stroke-opacity">0.6</CssParameter></Stroke></PolygonSymbolizer>
      </Rule>
      <Rule>
        <Name>classe_2</Name>
        <Title>De 10 à 50</Title>
        <ogc:Filter><ogc:And><ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>demande</ogc:PropertyName><ogc:Literal>10</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyIsLessThan><ogc:PropertyName>demande</ogc:PropertyName><ogc:Literal>50</ogc:Literal></ogc:PropertyIsLessThan></ogc:And></ogc:Filter>
        <PolygonSymbolizer><Fill><CssParameter name="fill">#c6dbef</CssParameter></Fill><Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter><CssParameter name="stroke-opacity">0.6</CssParameter></Stroke></PolygonSymbolizer>
      </Rule>
      <Rule>
        <Name>classe_3</Name>
        <Title>De 50 à 200</Title>
        <ogc:Filter><ogc:And><ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>demande</ogc:PropertyName><ogc:Literal>50</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyIsLessThan><ogc:PropertyName>demande</ogc:PropertyName><ogc:Literal>200</ogc:Literal></ogc:PropertyIsLessThan></ogc:And></ogc:Filter>
        <PolygonSymbolizer><Fill><CssParameter name="fill">#6baed6</CssParameter></Fill><Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter><CssParameter name="stroke-opacity">0.6</CssParameter></Stroke></PolygonSymbolizer>
      </Rule>
      <Rule>
        <Name>classe_4</Name>
        <Title>De 200 à 1 000</Title>
        <ogc:Filter><ogc:And><ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>demande</ogc:PropertyName><ogc:Literal>200</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyIsLessThan><ogc:PropertyName>demande</ogc:PropertyName><ogc:Literal>1000</ogc:Literal></ogc:PropertyIsLessThan></ogc:And></ogc:Filter>
        <PolygonSymbolizer><Fill><CssParameter name="fill">#2171b5</CssParameter></Fill><Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter><CssParameter name="stroke-opacity">0.6</CssParameter></Stroke></PolygonSymbolizer>
      </Rule>
      <Rule>
        <Name>classe_5</Name>
        <Title>1 000 et plus</Title>
        <ogc:Filter><ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>demande</ogc:PropertyName><ogc:Literal>1000</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo></ogc:Filter>
        <PolygonSymbolizer><Fill><CssParameter name="fill">#08306b</CssParameter></Fill><Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter><CssParameter name="stroke-opacity">0.6</CssParameter></Stroke></PolygonSymbolizer>
      </Rule>
      <Rule>
        <Name>absente</Name>
        <Title>Donnée absente</Title>
        <ogc:Filter><ogc:PropertyIsNull><ogc:PropertyName>demande</ogc:PropertyName></ogc:PropertyIsNull></ogc:Filter>
        <PolygonSymbolizer><Fill><CssParameter name="fill">#d9d9d9</CssParameter></Fill><Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter><CssParameter name="stroke-opacity">0.6</CssParameter></Stroke></PolygonSymbolizer>
      </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
