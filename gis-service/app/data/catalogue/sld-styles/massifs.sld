<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0"
    xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>massifs</Name>
    <UserStyle>
      <Name>massifs</Name>
      <Title>Massifs de montagne</Title>
      <Abstract>Massifs au sens de la loi Montagne (zone de montagne).</Abstract>
      <FeatureTypeStyle>
      <Rule>
        <Name>massif</Name>
        <Title>Massif de montagne</Title>
        <PolygonSymbolizer><Fill><CssParameter name="fill">#a67c52</CssParameter><CssParameter name="fill-opacity">0.35</CssParameter></Fill><Stroke><CssParameter name="stroke">#7a5230</CssParameter><CssParameter name="stroke-width">1</CssParameter></Stroke></PolygonSymbolizer>
      </Rule>
      </FeatureTypeStyle>
      <FeatureTypeStyle>
      <Rule>
        <Name>nom</Name>
        <Title>Nom du massif</Title>
        <MaxScaleDenominator>5000000</MaxScaleDenominator>
        <TextSymbolizer><Label><ogc:PropertyName>nom</ogc:PropertyName></Label><Font><CssParameter name="font-family">SansSerif</CssParameter><CssParameter name="font-size">12</CssParameter><CssParameter name="font-weight">bold</CssParameter></Font><LabelPlacement><PointPlacement><AnchorPoint><AnchorPointX>0.5</AnchorPointX><AnchorPointY>0.5</AnchorPointY></AnchorPoint></PointPlacement></LabelPlacement><Halo><Radius>1.5</Radius><Fill><CssParameter name="fill">#ffffff</CssParameter><CssParameter name="fill-opacity">0.85</CssParameter></Fill></Halo><Fill><CssParameter name="fill">#5c3d1e</CssParameter></Fill></TextSymbolizer>
      </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
