<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0"
    xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>indicateurs_communes</Name>
    <UserStyle>
      <Name>frr</Name>
      <Title>Classement France Ruralités Revitalisation (FRR)</Title>
      <Abstract>Classement FRR de chaque commune (DGCL / ANCT, liste au 10 juillet 2025 ; couche d'entrée frr), tel que le scénario l'a lu.</Abstract>
      <FeatureTypeStyle>
      <Rule>
        <Name>frr_plus</Name>
        <Title>FRR+</Title>
        <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>frr</ogc:PropertyName><ogc:Literal>frr_plus</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
        <PolygonSymbolizer><Fill><CssParameter name="fill">#006d2c</CssParameter></Fill><Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter><CssParameter name="stroke-opacity">0.6</CssParameter></Stroke></PolygonSymbolizer>
      </Rule>
      <Rule>
        <Name>frr_socle</Name>
        <Title>FRR socle</Title>
        <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>frr</ogc:PropertyName><ogc:Literal>frr_socle</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
        <PolygonSymbolizer><Fill><CssParameter name="fill">#41ab5d</CssParameter></Fill><Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter><CssParameter name="stroke-opacity">0.6</CssParameter></Stroke></PolygonSymbolizer>
      </Rule>
      <Rule>
        <Name>frr_partiel</Name>
        <Title>Classée FRR partiellement</Title>
        <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>frr</ogc:PropertyName><ogc:Literal>frr_partiel</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
        <PolygonSymbolizer><Fill><CssParameter name="fill">#a1d99b</CssParameter></Fill><Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter><CssParameter name="stroke-opacity">0.6</CssParameter></Stroke></PolygonSymbolizer>
      </Rule>
      <Rule>
        <Name>frr_beneficiaire</Name>
        <Title>Bénéficiaire (ex-ZRR, transitoire)</Title>
        <ogc:Filter><ogc:Or><ogc:PropertyIsEqualTo><ogc:PropertyName>frr</ogc:PropertyName><ogc:Literal>frr_beneficiaire</ogc:Literal></ogc:PropertyIsEqualTo><ogc:PropertyIsEqualTo><ogc:PropertyName>frr</ogc:PropertyName><ogc:Literal>frr_beneficiaire_partiel</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Or></ogc:Filter>
        <PolygonSymbolizer><Fill><CssParameter name="fill">#fec44f</CssParameter></Fill><Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter><CssParameter name="stroke-opacity">0.6</CssParameter></Stroke></PolygonSymbolizer>
      </Rule>
      <Rule>
        <Name>non_classee</Name>
        <Title>Non classée</Title>
        <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>frr</ogc:PropertyName><ogc:Literal>non_classee</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
        <PolygonSymbolizer><Fill><CssParameter name="fill">#f0f0f0</CssParameter></Fill><Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter><CssParameter name="stroke-opacity">0.6</CssParameter></Stroke></PolygonSymbolizer>
      </Rule>
      <Rule>
        <Name>absente</Name>
        <Title>Donnée absente</Title>
        <ElseFilter/>
        <PolygonSymbolizer><Fill><CssParameter name="fill">#bdbdbd</CssParameter></Fill><Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">0.3</CssParameter><CssParameter name="stroke-opacity">0.6</CssParameter></Stroke></PolygonSymbolizer>
      </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
