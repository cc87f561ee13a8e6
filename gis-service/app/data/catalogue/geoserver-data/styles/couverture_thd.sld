<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0"
    xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>indicateurs_communes</Name>
    <UserStyle>
      <Name>couverture_thd</Name>
      <Title>Couverture en très haut débit</Title>
      <Abstract>Part des locaux raccordables à la fibre (FttH) par commune.</Abstract>
      <FeatureTypeStyle>
      <Rule>
        <Name>classe_1</Name>
        <Title>Moins de 25 %</Title>
        <ogc:Filter><ogc:PropertyIsLessThan><ogc:PropertyName>taux_thd</ogc:PropertyName><ogc:Literal>0.25</ogc:Literal></ogc:PropertyIsLessThan></ogc:Filter>
        <PolygonSymbolizer><Fill><CssParameter name="fill">#edf8e9</CssParameter></Fill><Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter><CssParameter name="stroke-opacity">0.6</CssParameter></Stroke></PolygonSymbolizer>
      </Rule>
      <Rule>
        <Name>classe_2</Name>
        <Title>De 25 à 50 %</Title>
        <ogc:Filter><ogc:And><ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>taux_thd</ogc:PropertyName><ogc:Literal>0.25</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyIsLessThan><ogc:PropertyName>taux_thd</ogc:PropertyName><ogc:Literal>0.5</ogc:Literal></ogc:PropertyIsLessThan></ogc:And></ogc:Filter>
        <PolygonSymbolizer><Fill><CssParameter name="fill">#bae4b3</CssParameter></Fill><Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter><CssParameter name="stroke-opacity">0.6</CssParameter></Stroke></PolygonSymbolizer>
      </Rule>
      <Rule>
        <Name>classe_3</Name>
        <Title>De 50 à 75 %</Title>
        <ogc:Filter><ogc:And><ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>taux_thd</ogc:PropertyName><ogc:Literal>0.5</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyIsLessThan><ogc:PropertyName>taux_thd</ogc:PropertyName><ogc:Literal>0.75</ogc:Literal></ogc:PropertyIsLessThan></ogc:And></ogc:Filter>
        <PolygonSymbolizer><Fill><CssParameter name="fill">#74c476</CssParameter></Fill><Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter><CssParameter name="stroke-opacity">0.6</CssParameter></Stroke></PolygonSymbolizer>
      </Rule>
      <Rule>
        <Name>classe_4</Name>
        <Title>75 % et plus</Title>
        <ogc:Filter><ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>taux_thd</ogc:PropertyName><ogc:Literal>0.75</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo></ogc:Filter>
        <PolygonSymbolizer><Fill><CssParameter name="fill">#238b45</CssParameter></Fill><Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter><CssParameter name="stroke-opacity">0.6</CssParameter></Stroke></PolygonSymbolizer>
      </Rule>
      <Rule>
        <Name>absente</Name>
        <Title>Donnée absente</Title>
        <ogc:Filter><ogc:PropertyIsNull><ogc:PropertyName>taux_thd</ogc:PropertyName></ogc:PropertyIsNull></ogc:Filter>
        <PolygonSymbolizer><Fill><CssParameter name="fill">#d9d9d9</CssParameter></Fill><Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter><CssParameter name="stroke-opacity">0.6</CssParameter></Stroke></PolygonSymbolizer>
      </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
