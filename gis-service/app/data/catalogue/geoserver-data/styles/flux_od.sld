<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0"
    xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>flux_od</Name>
    <UserStyle>
      <Name>flux_od</Name>
      <Title>Flux domicile-travail</Title>
      <Abstract>Principaux flux domicile-travail entre communes ; épaisseur selon le nombre de navetteurs ; traits pleins : flux observés (INSEE MOBPRO), tiretés : flux modélisés (modèle de radiation).</Abstract>
      <!-- Observed flows (INSEE MOBPRO) in solid lines, flows estimated by the radiation model dashed and
           greyer: the map must never let a modelled flow pass for an observed one. -->
      <FeatureTypeStyle>
      <Rule>
        <Name>flux_1</Name>
        <Title>Moins de 50 navetteurs, observés</Title>
        <ogc:Filter><ogc:And><ogc:PropertyIsLessThan><ogc:PropertyName>navetteurs</ogc:PropertyName><ogc:Literal>50</ogc:Literal></ogc:PropertyIsLessThan><ogc:PropertyIsEqualTo><ogc:PropertyName>modelise</ogc:PropertyName><ogc:Literal>false</ogc:Literal></ogc:PropertyIsEqualTo></ogc:And></ogc:Filter>
        <LineSymbolizer><Stroke><CssParameter name="stroke">#6a51a3</CssParameter><CssParameter name="stroke-width">0.8</CssParameter><CssParameter name="stroke-opacity">0.8</CssParameter></Stroke></LineSymbolizer>
      </Rule>
      <Rule>
        <Name>flux_2</Name>
        <Title>De 50 à 200 navetteurs, observés</Title>
        <ogc:Filter><ogc:And><ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>navetteurs</ogc:PropertyName><ogc:Literal>50</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyIsLessThan><ogc:PropertyName>navetteurs</ogc:PropertyName><ogc:Literal>200</ogc:Literal></ogc:PropertyIsLessThan><ogc:PropertyIsEqualTo><ogc:PropertyName>modelise</ogc:PropertyName><ogc:Literal>false</ogc:Literal></ogc:PropertyIsEqualTo></ogc:And></ogc:Filter>
        <LineSymbolizer><Stroke><CssParameter name="stroke">#6a51a3</CssParameter><CssParameter name="stroke-width">1.8</CssParameter><CssParameter name="stroke-opacity">0.8</CssParameter></Stroke></LineSymbolizer>
      </Rule>
      <Rule>
        <Name>flux_3</Name>
        <Title>De 200 à 1 000 navetteurs, observés</Title>
        <ogc:Filter><ogc:And><ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>navetteurs</ogc:PropertyName><ogc:Literal>200</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyIsLessThan><ogc:PropertyName>navetteurs</ogc:PropertyName><ogc:Literal>1000</ogc:Literal></ogc:PropertyIsLessThan><ogc:PropertyIsEqualTo><ogc:PropertyName>modelise</ogc:PropertyName><ogc:Literal>false</ogc:Literal></ogc:PropertyIsEqualTo></ogc:And></ogc:Filter>
        <LineSymbolizer><Stroke><CssParameter name="stroke">#6a51a3</CssParameter><CssParameter name="stroke-width">3.5</CssParameter><CssParameter name="stroke-opacity">0.8</CssParameter></Stroke></LineSymbolizer>
      </Rule>
      <Rule>
        <Name>flux_4</Name>
        <Title>1 000 navetteurs et plus, observés</Title>
        <ogc:Filter><ogc:And><ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>navetteurs</ogc:PropertyName><ogc:Literal>1000</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyIsEqualTo><ogc:PropertyName>modelise</ogc:PropertyName><ogc:Literal>false</ogc:Literal></ogc:PropertyIsEqualTo></ogc:And></ogc:Filter>
        <LineSymbolizer><Stroke><CssParameter name="stroke">#6a51a3</CssParameter><CssParameter name="stroke-width">6</CssParameter><CssParameter name="stroke-opacity">0.8</CssParameter></Stroke></LineSymbolizer>
      </Rule>
      <Rule>
        <Name>flux_1_modelise</Name>
        <Title>Moins de 50 navetteurs, modélisés (tiretés)</Title>
        <ogc:Filter><ogc:And><ogc:PropertyIsLessThan><ogc:PropertyName>navetteurs</ogc:PropertyName><ogc:Literal>50</ogc:Literal></ogc:PropertyIsLessThan><ogc:PropertyIsEqualTo><ogc:PropertyName>modelise</ogc:PropertyName><ogc:Literal>true</ogc:Literal></ogc:PropertyIsEqualTo></ogc:And></ogc:Filter>
        <LineSymbolizer><Stroke><CssParameter name="stroke">#9e9ac8</CssParameter><CssParameter name="stroke-width">0.8</CssParameter><CssParameter name="stroke-opacity">0.8</CssParameter><CssParameter name="stroke-dasharray">4 3</CssParameter></Stroke></LineSymbolizer>
      </Rule>
      <Rule>
        <Name>flux_2_modelise</Name>
        <Title>De 50 à 200 navetteurs, modélisés (tiretés)</Title>
        <ogc:Filter><ogc:And><ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>navetteurs</ogc:PropertyName><ogc:Literal>50</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyIsLessThan><ogc:PropertyName>navetteurs</ogc:PropertyName><ogc:Literal>200</ogc:Literal></ogc:PropertyIsLessThan><ogc:PropertyIsEqualTo><ogc:PropertyName>modelise</ogc:PropertyName><ogc:Literal>true</ogc:Literal></ogc:PropertyIsEqualTo></ogc:And></ogc:Filter>
        <LineSymbolizer><Stroke><CssParameter name="stroke">#9e9ac8</CssParameter><CssParameter name="stroke-width">1.8</CssParameter><CssParameter name="stroke-opacity">0.8</CssParameter><CssParameter name="stroke-dasharray">5 3</CssParameter></Stroke></LineSymbolizer>
      </Rule>
      <Rule>
        <Name>flux_3_modelise</Name>
        <Title>De 200 à 1 000 navetteurs, modélisés (tiretés)</Title>
        <ogc:Filter><ogc:And><ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>navetteurs</ogc:PropertyName><ogc:Literal>200</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyIsLessThan><ogc:PropertyName>navetteurs</ogc:PropertyName><ogc:Literal>1000</ogc:Literal></ogc:PropertyIsLessThan><ogc:PropertyIsEqualTo><ogc:PropertyName>modelise</ogc:PropertyName><ogc:Literal>true</ogc:Literal></ogc:PropertyIsEqualTo></ogc:And></ogc:Filter>
        <LineSymbolizer><Stroke><CssParameter name="stroke">#9e9ac8</CssParameter><CssParameter name="stroke-width">3.5</CssParameter><CssParameter name="stroke-opacity">0.8</CssParameter><CssParameter name="stroke-dasharray">10 7</CssParameter></Stroke></LineSymbolizer>
      </Rule>
      <Rule>
        <Name>flux_4_modelise</Name>
        <Title>1 000 navetteurs et plus, modélisés (tiretés)</Title>
        <ogc:Filter><ogc:And><ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>navetteurs</ogc:PropertyName><ogc:Literal>1000</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyIsEqualTo><ogc:PropertyName>modelise</ogc:PropertyName><ogc:Literal>true</ogc:Literal></ogc:PropertyIsEqualTo></ogc:And></ogc:Filter>
        <LineSymbolizer><Stroke><CssParameter name="stroke">#9e9ac8</CssParameter><CssParameter name="stroke-width">6</CssParameter><CssParameter name="stroke-opacity">0.8</CssParameter><CssParameter name="stroke-dasharray">18 12</CssParameter></Stroke></LineSymbolizer>
      </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
