def test_home_page_renders(client, make_event):
    make_event(title="Dialogue in Chimoio")
    response = client.get("/")
    assert response.status_code == 200
    assert "Dialogue in Chimoio" in response.get_data(as_text=True)
