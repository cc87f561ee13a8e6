<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0"
    xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>communes</Name>
    <UserStyle>
      <Name>communes</Name>
      <Title>Communes</Title>
      <Abstract>Limites communales (COG en vigueur) ; noms des communes aux grandes échelles.</Abstract>
      <FeatureTypeStyle>
      <Rule>
        <Name>contour</Name>
        <Title>Commune</Title>
        <MinScaleDenominator>400000</MinScaleDenominator>
        <PolygonSymbolizer><Stroke><CssParameter name="stroke">#8c8c8c</CssParameter><CssParameter name="stroke-width">0.3</CssParameter></Stroke></PolygonSymbolizer>
      </Rule>
      <Rule>
        <Name>contour_detaille</Name>
        <Title>Commune</Title>
        <MaxScaleDenominator>400000</MaxScaleDenominator>
        <PolygonSymbolizer><Stroke><CssParameter name="stroke">#6e6e6e</CssParameter><CssParameter name="stroke-width">0.8</CssParameter></Stroke></PolygonSymbolizer>
      </Rule>
      </FeatureTypeStyle>
      <FeatureTypeStyle>
      <Rule>
        <Name>nom</Name>
        <Title>Nom de la commune</Title>
        <MaxScaleDenominator>150000</MaxScaleDenominator>
        <TextSymbolizer><Label><ogc:PropertyName>nom</ogc:PropertyName></Label><Font><CssParameter name="font-family">SansSerif</CssParameter><CssParameter name="font-size">11</CssParameter><CssParameter name="font-weight">normal</CssParameter></Font><LabelPlacement><PointPlacement><AnchorPoint><AnchorPointX>0.5</AnchorPointX><AnchorPointY>0.5</AnchorPointY></AnchorPoint></PointPlacement></LabelPlacement><Halo><Radius>1.5</Radius><Fill><CssParameter name="fill">#ffffff</CssParameter><CssParameter name="fill-opacity">0.85</CssParameter></Fill></Halo><Fill><CssParameter name="fill">#222222</CssParameter></Fill></TextSymbolizer>
      </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
