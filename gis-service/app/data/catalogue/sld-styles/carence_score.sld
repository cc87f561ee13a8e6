<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0"
    xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>indicateurs_communes</Name>
    <UserStyle>
      <Name>carence_score</Name>
      <Title>Score de carence</Title>
      <Abstract>Score de carence par commune (demande × poids de fragilité × déficit d'accessibilité) ; gris : commune hors carence.</Abstract>
      <FeatureTypeStyle>
      <Rule>
        <Name>hors_carence</Name>
        <Title>Hors carence</Title>
        <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>carence</ogc:PropertyName><ogc:Literal>false</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
        <PolygonSymbolizer><Fill><CssParameter name="fill">#f0f0f0</CssParameter></Fill><Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter><CssParameter name="stroke-opacity">0.6</CssParameter></Stroke></PolygonSymbolizer>
      </Rule>
      <Rule>
        <Name>score_1</Name>
        <Title>Score inférieur à 10</Title>
        <ogc:Filter><ogc:And><ogc:PropertyIsEqualTo><ogc:PropertyName>carence</ogc:PropertyName><ogc:Literal>true</ogc:Literal></ogc:PropertyIsEqualTo><ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>score_carence</ogc:PropertyName><ogc:Literal>0</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyIsLessThan><ogc:PropertyName>score_carence</ogc:PropertyName><ogc:Literal>10</ogc:Literal></ogc:PropertyIsLessThan></ogc:And></ogc:Filter>
        <PolygonSymbolizer><Fill><CssParameter name="fill">#fee5d9</CssParameter></Fill><Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter><CssParameter name="stroke-opacity">0.6</CssParameter></Stroke></PolygonSymbolizer>
      </Rule>
      <Rule>
        <Name>score_2</Name>
        <Title>Score de 10 à 50</Title>
        <ogc:Filter><ogc:And><ogc:PropertyIsEqualTo><ogc:PropertyName>carence</ogc:PropertyName><ogc:Literal>true</ogc:Literal></ogc:PropertyIsEqualTo><ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>score_carence</ogc:PropertyName><ogc:Literal>10</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyIsLessThan><ogc:PropertyName>score_carence</ogc:PropertyName><ogc:Literal>50</ogc:Literal></ogc:PropertyIsLessThan></ogc:And></ogc:Filter>
        <PolygonSymbolizer><Fill><CssParameter name="fill">#fcae91</CssParameter></Fill><Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter><CssParameter name="stroke-opacity">0.6</CssParameter></Stroke></PolygonSymbolizer>
      </Rule>
      <Rule>
        <Name>score_3</Name>
        <Title>Score de 50 à 200</Title>
        <ogc:Filter><ogc:And><ogc:PropertyIsEqualTo><ogc:PropertyName>carence</ogc:PropertyName><ogc:Literal>true</ogc:Literal></ogc:PropertyIsEqualTo><ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>score_carence</ogc:PropertyName><ogc:Literal>50</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyIsLessThan><ogc:PropertyName>score_carence</ogc:PropertyName><ogc:Literal>200</ogc:Literal></ogc:PropertyIsLessThan></ogc:And></ogc:Filter>
        <PolygonSymbolizer><Fill><CssParameter name="fill">#fb6a4a</CssParameter></Fill><Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter><CssParameter name="stroke-opacity">0.6</CssParameter></Stroke></PolygonSymbolizer>
      </Rule>
      <Rule>
        <Name>score_4</Name>
        <Title>Score de 200 à 1 000</Title>
        <ogc:Filter><ogc:And><ogc:PropertyIsEqualTo><ogc:PropertyName>carence</ogc:PropertyName><ogc:Literal>true</ogc:Literal></ogc:PropertyIsEqualTo><ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>score_carence</ogc:PropertyName><ogc:Literal>200</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyIsLessThan><ogc:PropertyName>score_carence</ogc:PropertyName><ogc:Literal>1000</ogc:Literal></ogc:PropertyIsLessThan></ogc:And></ogc:Filter>
        <PolygonSymbolizer><Fill><CssParameter name="fill">#de2d26</CssParameter></Fill><Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter><CssParameter name="stroke-opacity">0.6</CssParameter></Stroke></PolygonSymbolizer>
      </Rule>
      <Rule>
        <Name>score_5</Name>
        <Title>Score de 1 000 et plus</Title>
        <ogc:Filter><ogc:And><ogc:PropertyIsEqualTo><ogc:PropertyName>carence</ogc:PropertyName><ogc:Literal>true</ogc:Literal></ogc:PropertyIsEqualTo><ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>score_carence</ogc:PropertyName><ogc:Literal>1000</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo></ogc:And></ogc:Filter>
        <PolygonSymbolizer><Fill><CssParameter name="fill">#a50f15</CssParameter></Fill><Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter><CssParameter name="stroke-opacity">0.6</CssParameter></Stroke></PolygonSymbolizer>
      </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
